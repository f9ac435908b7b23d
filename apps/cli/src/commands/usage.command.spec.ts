import { GtrApiError } from '@gtr/client';
import { type UsageFigures, type UsageReport } from '@gtr/domain';
import { fakeClient, gtr } from '../../test/cli-harness';

const figures = (overrides: Partial<UsageFigures> = {}): UsageFigures => ({
  runs: 3,
  succeeded: 2,
  failed: 1,
  cancelled: 0,
  successRate: 0.6667,
  promptTokens: 100,
  completionTokens: 20,
  totalTokens: 120,
  cachedRuns: 0,
  costUsd: 0.0012,
  unpricedRuns: 0,
  ...overrides,
});

const report = (overrides: Partial<UsageReport> = {}): UsageReport => ({
  from: '2026-02-13T10:20:30.000Z',
  to: '2026-03-15T10:20:30.000Z',
  groupBy: 'model',
  totals: figures(),
  groups: [{ key: 'gpt-4o-mini', ...figures() }],
  ...overrides,
});

describe('gtr usage', () => {
  it('asks for the window and grouping given and prints the table, the window on stderr', async () => {
    const client = fakeClient();
    client.usage.mockResolvedValue(report());

    const result = await gtr(['usage', '--from', '2026-02-01', '--to', '2026-02-28', '--group-by', 'model'], {
      client,
    });

    expect(result.code).toBe(0);
    expect(client.usage).toHaveBeenCalledWith(
      { from: '2026-02-01', to: '2026-02-28', groupBy: 'model' },
      { signal: undefined },
    );
    expect(result.stdout.split('\n')).toEqual([
      'MODEL        RUNS  SUCCEEDED  FAILED  CANCELLED  SUCCESS  TOKENS  CACHED  COST',
      'gpt-4o-mini  3     2          1       0          66.7%    120     0       $0.0012',
      'TOTAL        3     2          1       0          66.7%    120     0       $0.0012',
      '',
    ]);
    expect(result.stderr).toBe('Runs created from 2026-02-13T10:20:30Z to 2026-03-15T10:20:30Z, by model:\n');
  });

  it('leaves the defaults to the API and says days are UTC', async () => {
    const client = fakeClient();
    client.usage.mockResolvedValue(report({ groupBy: 'day', groups: [{ key: '2026-03-01', ...figures() }] }));
    const result = await gtr(['usage'], { client });
    expect(client.usage).toHaveBeenCalledWith(
      { from: undefined, to: undefined, groupBy: undefined },
      { signal: undefined },
    );
    expect(result.stdout.split('\n')[0]).toMatch(/^DAY {9}RUNS/);
    expect(result.stderr).toContain('by day (UTC):');
  });

  it('explains a cost that leaves out unpriced runs, and cached runs', async () => {
    const client = fakeClient();
    const totals = figures({ unpricedRuns: 2, cachedRuns: 1 });
    client.usage.mockResolvedValue(report({ totals, groups: [{ key: 'm', ...totals }] }));
    const result = await gtr(['usage'], { client });
    expect(result.stdout).toContain('$0.0012*');
    expect(result.stderr.split('\n').slice(1)).toEqual([
      '* 2 succeeded runs have no known price; COST leaves them out.',
      'CACHED runs were answered from the response cache: no tokens, no cost.',
      '',
    ]);

    client.usage.mockResolvedValue(report({ totals: figures({ unpricedRuns: 1 }) }));
    expect((await gtr(['usage'], { client })).stderr).toContain(
      '* 1 succeeded run has no known price; COST leaves it out.',
    );
  });

  it('says so when the window has no runs', async () => {
    const client = fakeClient();
    client.usage.mockResolvedValue(report({ totals: figures({ runs: 0 }), groups: [] }));
    const result = await gtr(['usage'], { client });
    expect(result).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No runs from 2026-02-13T10:20:30Z to 2026-03-15T10:20:30Z.\n',
    });
  });

  it('prints the report as JSON with --json', async () => {
    const client = fakeClient();
    client.usage.mockResolvedValue(report());
    const result = await gtr(['usage', '--json', '--group-by', 'status'], { client });
    expect(JSON.parse(result.stdout)).toEqual(report());
    expect(client.usage.mock.calls[0][0]).toMatchObject({ groupBy: 'status' });
    expect(result.stderr).toBe('');
  });

  it('rejects an unknown --group-by with exit 32 before calling the API', async () => {
    const client = fakeClient();
    const result = await gtr(['usage', '--group-by', 'week'], { client });
    expect(result.code).toBe(32);
    expect(result.stderr).toContain(
      'error E_VALIDATION_TYPE: --group-by must be one of day, model, task, provider, status; got week',
    );
    expect(client.usage).not.toHaveBeenCalled();
  });

  it('shows the API’s error naming from, with exit 30', async () => {
    const client = fakeClient();
    client.usage.mockRejectedValue(
      new GtrApiError(
        400,
        'E_VALIDATION',
        'Invalid query: from must be before to (2026-01-02T00:00:00.000Z)',
        [{ field: 'from', message: 'must be before to (2026-01-02T00:00:00.000Z)' }],
        'Fix the fields named in the error.',
      ),
    );
    const result = await gtr(['usage', '--from', '2026-02-01', '--to', '2026-01-01'], { client });
    expect(result.code).toBe(30);
    expect(result.stderr).toContain('  - from: must be before to (2026-01-02T00:00:00.000Z)');
  });
});
