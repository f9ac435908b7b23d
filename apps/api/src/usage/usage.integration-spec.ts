import request from 'supertest';
import { type UsageReport } from '@gtr/domain';
import { type ApiHarness, startApi } from '../../test/api-harness';

describe('usage API', () => {
  let h: ApiHarness;
  let tenantId: string;
  let otherAuth: string;

  const get = (query: string, auth = h.auth) =>
    request(h.app.getHttpServer()).get(`/v1/usage${query}`).set('Authorization', auth);

  const seed = (
    tenant: string,
    at: string,
    status: string,
    model: string,
    cost: number | null,
    cached = false,
  ) =>
    h.runtime.dataSource.query(
      `INSERT INTO runs (tenant_id, status, provider, model, messages, timeout_ms, created_at,
         prompt_tokens, completion_tokens, total_tokens, cost_usd, cached)
       VALUES ($1, $2, 'openai', $3, '[]', 1000, $4::timestamptz, 10, 5, 15, $5, $6)`,
      [tenant, status, model, at, cost, cached],
    );

  beforeAll(async () => {
    h = await startApi({ startWorker: false });
    tenantId = (await request(h.app.getHttpServer()).get('/v1/me').set('Authorization', h.auth)).body
      .tenantId;
    const other = await h.runtime.repositories.tenants.ensureTenant('other');
    otherAuth = `Bearer ${(await h.runtime.repositories.apiKeys.createKey(other.id, 'spec', [])).key}`;

    await seed(tenantId, '2026-01-10T08:00:00Z', 'succeeded', 'gpt-4o-mini', 0.00025);
    await seed(tenantId, '2026-01-10T23:59:59Z', 'succeeded', 'gpt-4o-mini', 0, true);
    await seed(tenantId, '2026-01-11T00:00:00Z', 'failed', 'gpt-4o', 0.001);
    await seed(tenantId, '2026-01-12T09:00:00Z', 'succeeded', 'mystery-model', null);
    await seed(other.id, '2026-01-10T12:00:00Z', 'succeeded', 'gpt-4o', 7);
  });
  afterAll(() => h.close());

  it('needs an API key', async () => {
    const res = await request(h.app.getHttpServer()).get('/v1/usage').expect(401);
    expect(res.body.error.code).toBe('E_AUTH');
  });

  it('reports totals and UTC days of the caller’s runs, with a plain-date to including its day', async () => {
    const res = await get('?from=2026-01-10&to=2026-01-12').expect(200);
    const report = res.body as UsageReport;
    expect(report).toEqual({
      from: '2026-01-10T00:00:00.000Z',
      to: '2026-01-13T00:00:00.000Z',
      groupBy: 'day',
      totals: {
        runs: 4,
        succeeded: 3,
        failed: 1,
        cancelled: 0,
        successRate: 0.75,
        promptTokens: 30,
        completionTokens: 15,
        totalTokens: 45,
        cachedRuns: 1,
        costUsd: 0.00125,
        unpricedRuns: 1,
      },
      groups: [
        expect.objectContaining({
          key: '2026-01-10',
          runs: 2,
          cachedRuns: 1,
          costUsd: 0.00025,
          totalTokens: 15,
        }),
        expect.objectContaining({ key: '2026-01-11', runs: 1, failed: 1, successRate: 0 }),
        expect.objectContaining({ key: '2026-01-12', runs: 1, unpricedRuns: 1, costUsd: 0 }),
      ],
    });
  });

  it('groups by model', async () => {
    const res = await get('?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&groupBy=model').expect(200);
    expect(res.body.groups.map((g: { key: string; runs: number }) => [g.key, g.runs])).toEqual([
      ['gpt-4o-mini', 2],
      ['gpt-4o', 1],
      ['mystery-model', 1],
    ]);
  });

  it('shows another tenant only its own runs', async () => {
    const res = await get('?from=2026-01-01&to=2026-01-31', otherAuth).expect(200);
    expect(res.body.totals).toMatchObject({ runs: 1, costUsd: 7 });
  });

  it('covers the last 30 days by default', async () => {
    await seed(tenantId, new Date(Date.now() - 60_000).toISOString(), 'succeeded', 'recent-model', 0.5);
    await seed(tenantId, new Date(Date.now() - 31 * 86_400_000).toISOString(), 'succeeded', 'old-model', 0.5);
    const res = await get('').expect(200);
    const report = res.body as UsageReport;
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(30 * 86_400_000);
    expect(Math.abs(Date.parse(report.to) - Date.now())).toBeLessThan(60_000);
    expect(report.groupBy).toBe('day');
    expect(report.totals).toMatchObject({ runs: 1, costUsd: 0.5 });
  });

  it.each<[string, string, RegExp]>([
    ['?groupBy=week', 'groupBy', /Invalid option/],
    ['?from=yesterday', 'from', /ISO 8601/],
    ['?to=2026-13-01', 'to', /ISO 8601/],
    ['?from=2026-02-01&to=2026-01-01', 'from', /must be before to \(2026-01-02T00:00:00.000Z\)/],
    ['?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from', /must be before to/],
  ])('rejects %s with E_VALIDATION naming %s', async (query, field, message) => {
    const res = await get(query).expect(400);
    expect(res.body.error.code).toBe('E_VALIDATION');
    expect(res.body.error.issues[0].field).toBe(field);
    expect(res.body.error.issues[0].message).toMatch(message);
    expect(res.body.error.message).toContain(field);
  });

  it('rejects an unknown parameter', async () => {
    const res = await get('?tenantId=someone-else').expect(400);
    expect(res.body.error.message).toContain('tenantId');
  });
});
