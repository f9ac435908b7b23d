import { type UsageFigures, type UsageReport } from '@gtr/domain';
import { formatSuccessRate, formatUsageCost, formatUsageTable } from './format-usage-table';

const figures = (overrides: Partial<UsageFigures> = {}): UsageFigures => ({
  runs: 0,
  succeeded: 0,
  failed: 0,
  cancelled: 0,
  successRate: null,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  cachedRuns: 0,
  costUsd: 0,
  unpricedRuns: 0,
  ...overrides,
});

const report = (
  groupBy: UsageReport['groupBy'],
  groups: UsageReport['groups'],
  totals: UsageFigures,
): UsageReport => ({
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-03-04T00:00:00.000Z',
  groupBy,
  totals,
  groups,
});

describe('formatUsageTable', () => {
  it('prints a row per day and the totals, in aligned columns', () => {
    const text = formatUsageTable(
      report(
        'day',
        [
          {
            key: '2026-03-01',
            ...figures({ runs: 1, succeeded: 1, successRate: 1, totalTokens: 120, costUsd: 0.001 }),
          },
          {
            key: '2026-03-02',
            ...figures({
              runs: 12,
              succeeded: 10,
              failed: 2,
              successRate: 0.8333,
              totalTokens: 65,
              cachedRuns: 1,
              costUsd: 1.5,
              unpricedRuns: 1,
            }),
          },
        ],
        figures({
          runs: 13,
          succeeded: 11,
          failed: 2,
          successRate: 0.8462,
          totalTokens: 185,
          cachedRuns: 1,
          costUsd: 1.501,
          unpricedRuns: 1,
        }),
      ),
    );
    expect(text.split('\n')).toEqual([
      'DAY         RUNS  SUCCEEDED  FAILED  CANCELLED  SUCCESS  TOKENS  CACHED  COST',
      '2026-03-01  1     1          0       0          100%     120     0       $0.001',
      '2026-03-02  12    10         2       0          83.3%    65      1       $1.50*',
      'TOTAL       13    11         2       0          84.6%    185     1       $1.50*',
      '',
    ]);
  });

  it.each<[UsageReport['groupBy'], string]>([
    ['model', 'MODEL'],
    ['task', 'TASK'],
    ['provider', 'PROVIDER'],
    ['status', 'STATUS'],
  ])('heads the key column of groupBy=%s with %s', (groupBy, header) => {
    expect(formatUsageTable(report(groupBy, [], figures()))).toMatch(new RegExp(`^${header} {2,}RUNS`));
  });

  it('names runs without a task', () => {
    const text = formatUsageTable(
      report('task', [{ key: null, ...figures({ runs: 2 }) }], figures({ runs: 2 })),
    );
    expect(text.split('\n')[1]).toMatch(/^\(no task\) {2}2 /);
  });
});

describe('usage cells', () => {
  it.each<[number | null, string]>([
    [null, '-'],
    [0, '0%'],
    [0.75, '75%'],
    [0.6667, '66.7%'],
    [0.99996, '100%'],
    [1, '100%'],
  ])('shows success rate %s as %s', (rate, text) => {
    expect(formatSuccessRate(rate)).toBe(text);
  });

  it('marks a cost that leaves out unpriced runs', () => {
    expect(formatUsageCost({ costUsd: 0.0015, unpricedRuns: 0 })).toBe('$0.0015');
    expect(formatUsageCost({ costUsd: 0, unpricedRuns: 3 })).toBe('$0*');
  });
});
