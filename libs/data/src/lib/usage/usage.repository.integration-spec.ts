import { type UsageReport } from '@gtr/domain';
import { createDataSource } from '../data-source/create-data-source';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { TenantsRepository } from '../tenants/tenants.repository';
import { UsageRepository } from './usage.repository';

interface SeedRun {
  at: string;
  status: string;
  model?: string;
  provider?: string;
  taskId?: string | null;
  tokens?: [prompt: number, completion: number, total: number | null] | null;
  cost?: number | null;
  cached?: boolean;
}

const FROM = new Date('2026-03-01T00:00:00.000Z');
const TO = new Date('2026-03-04T00:00:00.000Z');

describe('UsageRepository', () => {
  let db: TestDatabase;
  let usage: UsageRepository;
  let tenantId: string;
  let otherTenantId: string;
  let taskId: string;

  const seed = async (tenant: string, runs: SeedRun[]) => {
    for (const run of runs) {
      await db.dataSource.query(
        `INSERT INTO runs (tenant_id, status, provider, model, messages, timeout_ms, created_at, task_id,
           prompt_tokens, completion_tokens, total_tokens, cost_usd, cached)
         VALUES ($1, $2, $3, $4, '[]', 1000, $5, $6, $7, $8, $9, $10, $11)`,
        [
          tenant,
          run.status,
          run.provider ?? 'openai',
          run.model ?? 'gpt-4o-mini',
          run.at,
          run.taskId ?? null,
          run.tokens?.[0] ?? null,
          run.tokens?.[1] ?? null,
          run.tokens?.[2] ?? null,
          run.cost ?? null,
          run.cached ?? false,
        ],
      );
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    usage = new UsageRepository(db.dataSource);
    const tenants = new TenantsRepository(db.dataSource);
    tenantId = (await tenants.ensureTenant('acme')).id;
    otherTenantId = (await tenants.ensureTenant('globex')).id;
    [{ id: taskId }] = await db.dataSource.query(
      `INSERT INTO tasks (tenant_id, name) VALUES ($1, 'summarise') RETURNING id`,
      [tenantId],
    );
    await seed(tenantId, [
      // Late on the 1st in UTC (already the 2nd east of Greenwich).
      { at: '2026-03-01T23:30:00Z', status: 'succeeded', taskId, tokens: [100, 20, 120], cost: 0.001 },
      // Early on the 2nd in UTC (still the 1st west of Greenwich); answered from the cache.
      { at: '2026-03-02T00:30:00Z', status: 'succeeded', tokens: [100, 20, 120], cost: 0, cached: true },
      // A failure the provider still billed.
      { at: '2026-03-02T10:00:00Z', status: 'failed', model: 'gpt-4o', tokens: [50, 0, null], cost: 0.0005 },
      // A model with no known price.
      {
        at: '2026-03-02T11:00:00Z',
        status: 'succeeded',
        model: 'custom-model',
        tokens: [10, 5, 15],
        cost: null,
      },
      { at: '2026-03-03T00:00:00Z', status: 'cancelled', provider: 'dry-run', model: 'dry-run-1' },
      { at: '2026-03-03T23:59:59.999Z', status: 'queued', provider: 'dry-run', model: 'dry-run-1' },
      // Outside [from, to).
      { at: '2026-02-28T23:59:59.999Z', status: 'succeeded', tokens: [1000, 1000, 2000], cost: 5 },
      { at: '2026-03-04T00:00:00Z', status: 'succeeded', tokens: [1000, 1000, 2000], cost: 5 },
    ]);
    await seed(otherTenantId, [
      { at: '2026-03-02T12:00:00Z', status: 'succeeded', tokens: [7, 7, 14], cost: 9 },
    ]);
  });

  afterAll(async () => {
    await db.drop();
  });

  const report = (groupBy: UsageReport['groupBy'], from = FROM, to = TO, tenant = tenantId) =>
    usage.report(tenant, { from, to, groupBy });

  it('totals the tenant’s runs created in [from, to)', async () => {
    const result = await report('day');
    expect(result.from).toBe('2026-03-01T00:00:00.000Z');
    expect(result.to).toBe('2026-03-04T00:00:00.000Z');
    expect(result.groupBy).toBe('day');
    expect(result.totals).toEqual({
      runs: 6,
      succeeded: 3,
      failed: 1,
      cancelled: 1,
      successRate: 0.75,
      // The cached run's tokens are not counted: no provider processed them.
      promptTokens: 160,
      completionTokens: 25,
      // A run without total_tokens counts prompt + completion.
      totalTokens: 185,
      cachedRuns: 1,
      costUsd: 0.0015,
      unpricedRuns: 1,
    });
  });

  it('buckets days in UTC', async () => {
    const result = await report('day');
    expect(
      result.groups.map((g) => [g.key, g.runs, g.succeeded, g.cachedRuns, g.costUsd, g.totalTokens]),
    ).toEqual([
      ['2026-03-01', 1, 1, 0, 0.001, 120],
      ['2026-03-02', 3, 2, 1, 0.0005, 65],
      ['2026-03-03', 2, 0, 0, 0, 0],
    ]);
    expect(result.groups[1]).toMatchObject({ failed: 1, unpricedRuns: 1, successRate: 0.6667 });
    expect(result.groups[2]).toMatchObject({ cancelled: 1, successRate: null });
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])(
    'buckets days in UTC when the session time zone is %s',
    async (zone) => {
      const name = new URL(db.url).pathname.slice(1);
      await db.dataSource.query(`ALTER DATABASE "${name}" SET timezone TO '${zone}'`);
      const zoned = createDataSource({ url: db.url, poolSize: 1 });
      await zoned.initialize();
      try {
        const [{ TimeZone }] = await zoned.query('SHOW timezone');
        expect(TimeZone).toBe(zone);
        const result = await new UsageRepository(zoned).report(tenantId, {
          from: FROM,
          to: TO,
          groupBy: 'day',
        });
        expect(result.groups.map((g) => [g.key, g.runs])).toEqual([
          ['2026-03-01', 1],
          ['2026-03-02', 3],
          ['2026-03-03', 2],
        ]);
      } finally {
        await zoned.destroy();
        await db.dataSource.query(`ALTER DATABASE "${name}" RESET timezone`);
      }
    },
  );

  it('groups by model, biggest first, then by name', async () => {
    const result = await report('model');
    expect(result.groups.map((g) => [g.key, g.runs])).toEqual([
      ['dry-run-1', 2],
      ['gpt-4o-mini', 2],
      ['custom-model', 1],
      ['gpt-4o', 1],
    ]);
    expect(result.groups.find((g) => g.key === 'custom-model')).toMatchObject({
      unpricedRuns: 1,
      costUsd: 0,
    });
    expect(result.groups.find((g) => g.key === 'gpt-4o-mini')).toMatchObject({
      cachedRuns: 1,
      promptTokens: 100,
    });
  });

  it('groups by task, with runs without a task under a null key', async () => {
    const result = await report('task');
    expect(result.groups.map((g) => [g.key, g.runs, g.costUsd])).toEqual([
      [null, 5, 0.0005],
      [taskId, 1, 0.001],
    ]);
  });

  it('groups by provider and by status', async () => {
    expect((await report('provider')).groups.map((g) => [g.key, g.runs])).toEqual([
      ['openai', 4],
      ['dry-run', 2],
    ]);
    expect((await report('status')).groups.map((g) => [g.key, g.runs])).toEqual([
      ['succeeded', 3],
      ['cancelled', 1],
      ['failed', 1],
      ['queued', 1],
    ]);
  });

  it('keeps tenants apart', async () => {
    const other = await report('day', FROM, TO, otherTenantId);
    expect(other.totals).toMatchObject({ runs: 1, costUsd: 9, totalTokens: 14 });
    expect(other.groups).toEqual([expect.objectContaining({ key: '2026-03-02', runs: 1 })]);
  });

  it('reports zeros, no groups and no success rate for a window without runs', async () => {
    const empty = await report('model', new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'));
    expect(empty.groups).toEqual([]);
    expect(empty.totals).toEqual({
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
    });
    expect((await report('day', FROM, TO, 'not-a-uuid')).totals.runs).toBe(0);
  });

  it('adds up costs exactly, without float drift', async () => {
    const [{ id: tenant }] = await db.dataSource.query(
      `INSERT INTO tenants (name) VALUES ('pennies') RETURNING id`,
    );
    await seed(
      tenant,
      Array.from({ length: 10 }, () => ({ at: '2026-03-02T00:00:00Z', status: 'succeeded', cost: 0.1 })),
    );
    expect((await report('day', FROM, TO, tenant)).totals.costUsd).toBe(1);
  });
});
