import { runFixture } from '@gtr/client/testing';
import { formatRunsTable } from './format-runs-table';

describe('formatRunsTable', () => {
  it('shows short ids, totals, durations and UTC creation times', () => {
    const table = formatRunsTable([
      runFixture({
        id: 'aaaaaaaa-1111-4000-8000-000000000001',
        status: 'succeeded',
        model: 'gpt-4o-mini',
        usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15, cachedTokens: 0 },
        durationMs: 1234,
        createdAt: '2025-05-01T12:00:00.500Z',
      }),
      runFixture({
        id: 'bbbbbbbb-2222-4000-8000-000000000002',
        status: 'queued',
        model: 'o3',
        createdAt: '2025-05-01T11:59:00.000Z',
      }),
    ]);
    expect(table.split('\n')).toEqual([
      'ID        STATUS     MODEL        TOKENS  DURATION  CREATED',
      'aaaaaaaa  succeeded  gpt-4o-mini  15      1.2s      2025-05-01T12:00:00Z',
      'bbbbbbbb  queued     o3           -       -         2025-05-01T11:59:00Z',
      '',
    ]);
  });
});
