import { USAGE_GROUP_BY } from '@gtr/domain';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { buildUsageReportQuery } from './usage-report.query';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// Realistic data: several tenants with months of history, mixed models, statuses and costs.
describe('usage report query plan', () => {
  const TENANTS = 4;
  const RUNS_PER_TENANT = 5000;
  const DAYS = 180;
  let db: TestDatabase;
  let tenantIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const tenants: Array<{ id: string }> = await db.dataSource.query(
      `INSERT INTO tenants (name) SELECT 'tenant-' || n FROM generate_series(1, $1) n RETURNING id`,
      [TENANTS],
    );
    tenantIds = tenants.map((tenant) => tenant.id);
    await db.dataSource.query(`SELECT setseed(0.42)`);
    await db.dataSource.query(
      `INSERT INTO runs (tenant_id, status, provider, model, messages, timeout_ms, created_at,
         prompt_tokens, completion_tokens, total_tokens, cost_usd, cached)
       SELECT t.id,
         (ARRAY['succeeded','succeeded','succeeded','failed','cancelled','queued'])[1 + floor(random() * 6)::int],
         'openai',
         (ARRAY['gpt-4o-mini','gpt-4o','gpt-4.1','custom'])[1 + floor(random() * 4)::int],
         '[]', 30000,
         now() - random() * ($3::int * interval '1 day'),
         100, 20, 120, 0.0001, random() < 0.1
       FROM unnest($1::uuid[]) t(id), generate_series(1, $2)`,
      [tenantIds, RUNS_PER_TENANT, DAYS],
    );
    await db.dataSource.query('ANALYZE runs');
  }, 60_000);

  afterAll(async () => {
    await db.drop();
  });

  async function plan(groupBy: (typeof USAGE_GROUP_BY)[number], days: number): Promise<PlanNode[]> {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    const query = buildUsageReportQuery(tenantIds[1], { from, to, groupBy });
    const [row] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params);
    return nodes(row['QUERY PLAN'][0].Plan);
  }

  it.each(USAGE_GROUP_BY)(
    'reads a 30-day window grouped by %s through IDX_runs_tenant_created',
    async (groupBy) => {
      const planNodes = await plan(groupBy, 30);
      expect(planNodes.map((n) => n['Index Name']).filter(Boolean)).toContain('IDX_runs_tenant_created');
      expect(planNodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    },
  );

  it('reads a 7-day window through the index too', async () => {
    expect((await plan('day', 7)).map((n) => n['Index Name']).filter(Boolean)).toContain(
      'IDX_runs_tenant_created',
    );
  });
});
