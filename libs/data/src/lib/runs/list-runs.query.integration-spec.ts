import { makeRunInput } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { TenantsRepository } from '../tenants/tenants.repository';
import { buildListRunsQuery } from './list-runs.query';
import { DUE_RUNS_SQL, STALE_RUNNING_SQL } from './recovery.queries';
import { decodeRunCursor } from './run-cursor';
import { RunsRepository } from './runs.repository';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// Plans on realistic data: several tenants, thousands of runs spread over weeks, mixed statuses.
describe('run list and recovery query plans', () => {
  const RUNS_PER_TENANT = 1500;
  let db: TestDatabase;
  let runs: RunsRepository;
  let tenantIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    runs = new RunsRepository(db.dataSource);
    const tenants = new TenantsRepository(db.dataSource);
    tenantIds = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      const tenant = await tenants.ensureTenant(name);
      tenantIds.push(tenant.id);
      await runs.createMany(
        tenant.id,
        Array.from({ length: RUNS_PER_TENANT }, () => makeRunInput()),
      );
    }
    await db.dataSource.query(`SELECT setseed(0.42)`);
    await db.dataSource.query(`
      UPDATE runs SET
        created_at = now() - random() * interval '30 days',
        status = (ARRAY['succeeded','succeeded','succeeded','succeeded','failed','queued','running','cancelled'])[1 + floor(random() * 8)::int]`);
    await db.dataSource.query(`UPDATE runs SET claimed_at = created_at WHERE status = 'running'`);
    await db.dataSource.query('ANALYZE runs');
  }, 60_000);

  afterAll(async () => {
    await db.drop();
  });

  async function plan(query: { sql: string; params: unknown[] }): Promise<PlanNode[]> {
    const [row] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params);
    return nodes(row['QUERY PLAN'][0].Plan);
  }

  function expectIndex(planNodes: PlanNode[], index: string): void {
    expect(planNodes.map((n) => n['Index Name']).filter(Boolean)).toContain(index);
    // Never a scan of runs. The recovery queries join batches (for the cap and pause), a table
    // far smaller than runs, which the planner may read whole for a hash join.
    const scanned = planNodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(scanned).not.toContain('runs');
  }

  function expectIndexInOrder(planNodes: PlanNode[], index: string): void {
    expectIndex(planNodes, index);
    expect(planNodes.map((n) => n['Node Type'])).not.toContain('Sort');
  }

  it('reads the first page from IDX_runs_tenant_created, without sorting', async () => {
    expectIndexInOrder(await plan(buildListRunsQuery(tenantIds[1], {}, 50, null)), 'IDX_runs_tenant_created');
  });

  it('reads a later page from the same index, starting at the cursor', async () => {
    const first = await runs.list(tenantIds[1], { limit: 50 });
    const cursor = decodeRunCursor(first.nextCursor!);
    const planNodes = await plan(buildListRunsQuery(tenantIds[1], {}, 50, cursor));
    expectIndexInOrder(planNodes, 'IDX_runs_tenant_created');
    // The cursor bounds the scan itself, so a deep page reads no more rows than the first.
    expect(planNodes.find((n) => n['Index Name'])?.['Index Cond']).toContain('ROW(created_at, id) <');
  });

  it('reads a status filter from IDX_runs_tenant_status_created, without sorting', async () => {
    expectIndexInOrder(
      await plan(buildListRunsQuery(tenantIds[2], { status: ['failed'] }, 50, null)),
      'IDX_runs_tenant_status_created',
    );
  });

  it('uses an index for a filter on several statuses', async () => {
    const planNodes = await plan(
      buildListRunsQuery(tenantIds[2], { status: ['failed', 'cancelled'] }, 50, null),
    );
    // Never a scan of runs. The recovery queries join batches (for the cap and pause), a table
    // far smaller than runs, which the planner may read whole for a hash join.
    const scanned = planNodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(scanned).not.toContain('runs');
  });

  it('finds stale running runs through IDX_runs_running_claimed', async () => {
    expectIndex(await plan({ sql: STALE_RUNNING_SQL, params: [60_000, 100] }), 'IDX_runs_running_claimed');
  });

  it('finds due runs through IDX_runs_pending_queued', async () => {
    expectIndex(await plan({ sql: DUE_RUNS_SQL, params: [60_000, 100] }), 'IDX_runs_pending_queued');
  });
});
