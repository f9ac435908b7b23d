import { applyConfigPatch } from './apply-config-patch';
import { parseConfigPatch } from './config-patch-schema';
import { DEFAULT_CONFIG } from './default-config';

describe('config patches', () => {
  it('accepts a valid partial and leaves out what is not given', () => {
    expect(parseConfigPatch({ rpm: 60, limitWindow: 'second', faults: { hang: 0.1 } })).toEqual({
      rpm: 60,
      limitWindow: 'second',
      faults: { hang: 0.1 },
    });
    expect(parseConfigPatch({ rpm: null, apiKey: null, seed: null })).toEqual({
      rpm: null,
      apiKey: null,
      seed: null,
    });
  });

  it.each([
    [{ rpm: 0 }, 'rpm'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ limitWindow: 'hour' }, 'limitWindow'],
    [{ faults: { error500: 1.5 } }, 'faults.error500'],
    [{ faults: { teapot: 0.5 } }, 'faults'],
    [{ failNext: { hang: 0.5 } }, 'failNext.hang'],
    [{ models: [] }, 'models'],
    [{ latency: 5 }, '(body)'],
  ])('rejects %j naming %s', (patch, field) => {
    expect(() => parseConfigPatch(patch)).toThrow(`Invalid mock-llm option ${field}:`);
  });

  it('replaces top-level fields and merges faults per kind', () => {
    const first = applyConfigPatch(
      { ...DEFAULT_CONFIG },
      { rpm: 10, faults: { error500: 0.5 }, failNext: { hang: 1 } },
    );
    const second = applyConfigPatch(first, { rpm: null, latencyMs: undefined, faults: { error503: 0.2 } });
    expect(second).toMatchObject({
      rpm: null,
      latencyMs: 0,
      faults: { error500: 0.5, error503: 0.2 },
      failNext: { hang: 1 },
    });
    expect(DEFAULT_CONFIG.faults).toEqual({});
  });
});
