import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

describe('gtr runs cancel', () => {
  it('cancels the run and prints its id and new status', async () => {
    const client = fakeClient();
    client.cancelRun.mockResolvedValue(runFixture({ id: 'run-1', status: 'cancelled' }));
    const result = await gtr(['runs', 'cancel', 'run-1'], { client });
    expect(client.cancelRun).toHaveBeenCalledWith('run-1', { signal: undefined });
    expect(result).toMatchObject({ code: 0, stdout: 'run-1 cancelled\n' });
  });

  it('prints the run as JSON with --json', async () => {
    const client = fakeClient();
    const run = runFixture({ status: 'cancelled' });
    client.cancelRun.mockResolvedValue(run);
    const result = await gtr(['runs', 'cancel', 'run-1', '--json'], { client });
    expect(JSON.parse(result.stdout)).toEqual(run);
  });

  it('exits 13 with the API conflict when the run already finished', async () => {
    const client = fakeClient();
    client.cancelRun.mockRejectedValue(
      new GtrApiError(409, 'E_CONFLICT', 'Run run-1 already succeeded', [], 'Reload it and try again.'),
    );
    const result = await gtr(['runs', 'cancel', 'run-1'], { client });
    expect(result.code).toBe(13);
    expect(result.stderr).toContain('error E_CONFLICT: Run run-1 already succeeded');
  });
});
