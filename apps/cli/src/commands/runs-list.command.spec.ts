import { fakeClient, gtr } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

describe('gtr runs list', () => {
  const page = {
    data: [
      runFixture({
        id: 'aaaaaaaa-0000-4000-8000-000000000001',
        status: 'succeeded',
        usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3, cachedTokens: 0 },
        durationMs: 900,
      }),
      runFixture({ id: 'bbbbbbbb-0000-4000-8000-000000000002', status: 'queued' }),
    ],
    nextCursor: 'cur_2',
  };

  it('prints a table and the command for the next page with the same filters', async () => {
    const client = fakeClient();
    client.listRuns.mockResolvedValue(page);

    const result = await gtr(['runs', 'list', '--status', 'queued,succeeded', '--limit', '2'], { client });

    expect(result.code).toBe(0);
    expect(client.listRuns).toHaveBeenCalledWith(
      { status: ['queued', 'succeeded'], limit: 2, cursor: undefined },
      { signal: undefined },
    );
    expect(result.stdout.split('\n')).toEqual([
      'ID        STATUS     MODEL        TOKENS  DURATION  CREATED',
      'aaaaaaaa  succeeded  gpt-4o-mini  3       900ms     2025-05-01T12:00:00Z',
      'bbbbbbbb  queued     gpt-4o-mini  -       -         2025-05-01T12:00:00Z',
      '',
    ]);
    expect(result.stderr).toBe('More: gtr runs list --status queued,succeeded --limit 2 --cursor cur_2\n');
  });

  it('passes the cursor and prints no hint on the last page', async () => {
    const client = fakeClient();
    client.listRuns.mockResolvedValue({ data: page.data, nextCursor: null });
    const result = await gtr(['runs', 'list', '--cursor', 'cur_2'], { client });
    expect(client.listRuns.mock.calls[0][0]).toEqual({
      status: undefined,
      limit: undefined,
      cursor: 'cur_2',
    });
    expect(result.stderr).toBe('');
  });

  it('says so when there are no runs', async () => {
    const client = fakeClient();
    client.listRuns.mockResolvedValue({ data: [], nextCursor: null });
    const result = await gtr(['runs', 'list'], { client });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'No runs.\n' });
  });

  it('prints the page as JSON with --json', async () => {
    const client = fakeClient();
    client.listRuns.mockResolvedValue(page);
    const result = await gtr(['runs', 'list', '--json'], { client });
    expect(JSON.parse(result.stdout)).toEqual(page);
    expect(result.stderr).toBe('');
  });

  it.each([
    [['--status', 'done'], 'error E_VALIDATION_TYPE: --status must be one or more of'],
    [['--limit', 'ten'], 'error E_VALIDATION_TYPE: --limit must be an integer'],
  ])('rejects %j with exit 32', async (flags, message) => {
    const result = await gtr(['runs', 'list', ...flags]);
    expect(result.code).toBe(32);
    expect(result.stderr).toContain(message);
  });
});
