import { type UsageReport } from '@gtr/domain';
import { fakeFetch, json } from '../../test/fake-fetch';
import { createGtrClient } from './gtr-client';

const report: UsageReport = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-02-01T00:00:00.000Z',
  groupBy: 'model',
  totals: {
    runs: 2,
    succeeded: 2,
    failed: 0,
    cancelled: 0,
    successRate: 1,
    promptTokens: 10,
    completionTokens: 4,
    totalTokens: 14,
    cachedRuns: 1,
    costUsd: 0.0001,
    unpricedRuns: 0,
  },
  groups: [],
};

describe('GtrClient.usage', () => {
  function clientWith(body: unknown, status = 200) {
    const fetch = fakeFetch(() => json(body, status));
    return {
      client: createGtrClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'gtr_k', fetch }),
      calls: fetch.calls,
    };
  }

  it('asks for the report with only the given parameters and returns it', async () => {
    const { client, calls } = clientWith(report);
    await expect(client.usage({ from: '2026-01-01', to: '2026-01-31', groupBy: 'model' })).resolves.toEqual(
      report,
    );
    await client.usage();
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      'GET /v1/usage?from=2026-01-01&to=2026-01-31&groupBy=model',
      'GET /v1/usage',
    ]);
    expect(calls[0].headers['authorization']).toBe('Bearer gtr_k');
  });

  it('sends a Date as its ISO instant', async () => {
    const { client, calls } = clientWith(report);
    await client.usage({ from: new Date('2026-01-01T05:00:00Z'), to: new Date('2026-01-02T00:00:00Z') });
    expect(calls[0].url.searchParams.get('from')).toBe('2026-01-01T05:00:00.000Z');
    expect(calls[0].url.searchParams.get('to')).toBe('2026-01-02T00:00:00.000Z');
  });

  it('rejects with the API’s validation error naming the field', async () => {
    const { client } = clientWith(
      {
        error: {
          code: 'E_VALIDATION',
          message: 'Invalid query: groupBy Invalid option',
          issues: [{ field: 'groupBy', message: 'Invalid option' }],
        },
      },
      400,
    );
    await expect(client.usage({ groupBy: 'week' as never })).rejects.toMatchObject({
      code: 'E_VALIDATION',
      issues: [{ field: 'groupBy', message: 'Invalid option' }],
    });
  });
});
