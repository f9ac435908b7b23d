import { fakeClient, gtr, waitThrough } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

describe('gtr runs watch', () => {
  it('waits for an existing run and prints its answer', async () => {
    const client = fakeClient();
    waitThrough(client, [
      runFixture({ id: 'run-1', status: 'succeeded', output: { text: null, json: { ok: true } } }),
    ]);
    const result = await gtr(['runs', 'watch', 'run-1'], { client });
    expect(client.waitForRun).toHaveBeenCalledWith('run-1', expect.anything());
    expect(result).toMatchObject({
      code: 0,
      stdout: '{\n  "ok": true\n}\n',
      stderr: 'gpt-4o-mini · succeeded\n',
    });
  });

  it('exits with the failed run exit code, JSON on stdout with --json', async () => {
    const client = fakeClient();
    const run = runFixture({
      id: 'run-1',
      status: 'failed',
      error: { code: 'E_CONTENT_FILTER', message: 'blocked' },
    });
    waitThrough(client, [run]);
    const result = await gtr(['runs', 'watch', 'run-1', '--json'], { client });
    expect(result.code).toBe(18);
    expect(JSON.parse(result.stdout)).toEqual(run);
  });

  it('prints nothing on stdout for a run that succeeded without output', async () => {
    const client = fakeClient();
    waitThrough(client, [runFixture({ status: 'succeeded', output: { text: '', json: null } })]);
    const result = await gtr(['runs', 'watch', 'run-1'], { client });
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });
});
