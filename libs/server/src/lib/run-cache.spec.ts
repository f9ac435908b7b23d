import { type ResponseCacheRepository } from '@gtr/data';
import { capturingLogger } from '../../test/capturing-logger';
import { ANSWER, claimedRun } from '../../test/run-fixtures';
import { RunCache } from './run-cache';

const RUN = claimedRun({ provider: 'openai', model: 'gpt-4o-mini', cacheTtlSeconds: 60 });

function setup(repository: Partial<Record<keyof ResponseCacheRepository, jest.Mock>>) {
  const log = capturingLogger('run-cache-spec');
  return { log, cache: new RunCache(repository as unknown as ResponseCacheRepository, log.logger) };
}

describe('RunCache', () => {
  it('neither reads nor writes for a run that did not opt in', async () => {
    const get = jest.fn();
    const put = jest.fn();
    const { cache } = setup({ get, put });
    expect(await cache.lookup({ ...RUN, cacheTtlSeconds: null })).toBeNull();
    await cache.store({ ...RUN, cacheTtlSeconds: null }, ANSWER);
    expect(get).not.toHaveBeenCalled();
    expect(put).not.toHaveBeenCalled();
  });

  it('treats a failed read as a miss and a failed write as nothing, logging both', async () => {
    const { cache, log } = setup({
      get: jest.fn().mockRejectedValue(new Error('db down')),
      put: jest.fn().mockRejectedValue(new Error('db down')),
    });
    expect(await cache.lookup(RUN)).toBeNull();
    await expect(cache.store(RUN, ANSWER)).resolves.toBeUndefined();
    expect(log.text()).toContain('response cache read failed; calling the provider');
    expect(log.text()).toContain('response cache write failed');
  });

  it('stores the answer under the run key, and purges in slices until one comes back short', async () => {
    const put = jest.fn(async () => undefined);
    const purgeExpired = jest.fn().mockResolvedValueOnce(2).mockResolvedValueOnce(2).mockResolvedValueOnce(1);
    const { cache } = setup({ put, purgeExpired });
    await cache.store(RUN, ANSWER);
    expect(put).toHaveBeenCalledWith(
      'tenant-1',
      expect.any(String),
      expect.objectContaining({ outputText: 'hello', outputJson: null }),
      60,
    );
    expect(await cache.purge(2)).toBe(5);
    expect(purgeExpired).toHaveBeenCalledTimes(3);
  });
});
