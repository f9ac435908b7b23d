import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

describe('gtr runs get', () => {
  it('prints the run details', async () => {
    const client = fakeClient();
    client.getRun.mockResolvedValue(
      runFixture({ status: 'succeeded', output: { text: 'Answer', json: null } }),
    );
    const result = await gtr(['runs', 'get', 'run-1'], { client });
    expect(client.getRun).toHaveBeenCalledWith('run-1', { signal: undefined });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID {8}7f1c2d3e-/);
    expect(result.stdout).toMatch(/\n\nAnswer\n$/);
  });

  it('prints the run as JSON with --json, exit 0 whatever its status', async () => {
    const client = fakeClient();
    const run = runFixture({ status: 'failed', error: { code: 'E_TIMEOUT', message: 'slow' } });
    client.getRun.mockResolvedValue(run);
    const result = await gtr(['runs', 'get', 'run-1', '--json'], { client });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(run);
  });

  it('exits 13 for an unknown id', async () => {
    const client = fakeClient();
    client.getRun.mockRejectedValue(
      new GtrApiError(404, 'E_NOT_FOUND', 'Run run-x not found', [], 'Check the id.'),
    );
    const result = await gtr(['runs', 'get', 'run-x'], { client });
    expect(result).toMatchObject({
      code: 13,
      stderr: 'error E_NOT_FOUND: Run run-x not found\nhint: Check the id.\n',
    });
  });

  it('needs the id (exit 31)', async () => {
    const result = await gtr(['runs', 'get']);
    expect(result.code).toBe(31);
    expect(result.stderr).toContain("error E_VALIDATION_MISSING_FIELD: missing required argument 'id'");
  });
});
