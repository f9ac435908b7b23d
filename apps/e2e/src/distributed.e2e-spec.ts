import { type RunDetailView, type RunView } from '@gtr/domain';
import { type DistributedSystem, startDistributedSystem } from './support/distributed-system';
import { runGtr } from '@gtr/testing/system';

describe('distributed mode: api and two workers on Postgres and Redis, driven by the CLI', () => {
  let system: DistributedSystem;
  let cliEnv: Record<string, string>;

  beforeAll(async () => {
    system = await startDistributedSystem();
    cliEnv = system.cliEnv;
  });

  afterAll(() => system?.stop());

  it('answers `gtr run -p … --wait` through the real CLI', async () => {
    const result = await runGtr(['run', '-p', 'Say hello from e2e', '--wait'], cliEnv);
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('hello from e2e');
  });

  it('shares the work between two workers and never calls the provider twice for a run', async () => {
    system.mock.reset();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await system.call<RunView>('POST', '/v1/runs', { prompt: `e2e prompt number ${i}` });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const runs: RunDetailView[] = [];
    const deadline = Date.now() + 60_000;
    for (const id of ids) {
      for (;;) {
        const { body } = await system.call<RunDetailView>('GET', `/v1/runs/${id}`);
        if (['succeeded', 'failed', 'cancelled'].includes(body.status)) {
          runs.push(body);
          break;
        }
        if (Date.now() > deadline) throw new Error(`run ${id} stuck in ${body.status}\n${system.logs()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(runs.map((r) => r.status)).toEqual(ids.map(() => 'succeeded'));
    expect(runs.every((r) => r.attempts.length === 1)).toBe(true);
    const stats = system.mock.stats();
    expect(stats.chatCompletions.ok).toBe(40);
    expect(system.mock.duplicates()).toEqual([]);
    const byWorker = await system.db.dataSource.query(
      'SELECT worker_id, count(*)::int AS n FROM run_attempts WHERE run_id = ANY($1) GROUP BY worker_id ORDER BY worker_id',
      [ids],
    );
    expect(byWorker.map((r: { worker_id: string }) => r.worker_id)).toEqual(['worker-1', 'worker-2']);
  });

  it('lists runs as a table and as JSON', async () => {
    const table = await runGtr(['runs', 'list', '--limit', '5'], cliEnv);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/STATUS/);
    expect(table.stdout).toMatch(/succeeded/);
    const json = await runGtr(['runs', 'list', '--limit', '5', '--json'], cliEnv);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).data).toHaveLength(5);
  });

  it('reports bad input with the field, a validation exit code and nothing stored', async () => {
    const [{ n: before }] = await system.db.dataSource.query('SELECT count(*)::int AS n FROM runs');
    const result = await runGtr(['run', '-p', 'x', '--temperature', '5'], cliEnv);
    expect(result.status).toBeGreaterThanOrEqual(30);
    expect(result.status).toBeLessThanOrEqual(33);
    expect(result.stderr).toContain('temperature');
    const [{ n: after }] = await system.db.dataSource.query('SELECT count(*)::int AS n FROM runs');
    expect(after).toBe(before);
  });

  it('rejects a wrong key with exit code 12 and never prints the key', async () => {
    const result = await runGtr(['runs', 'list'], { ...cliEnv, GTR_API_KEY: 'gtr_not_a_real_key_123456' });
    expect(result.status).toBe(12);
    expect(result.stderr).toContain('E_AUTH');
    expect(result.stderr + result.stdout).not.toContain('gtr_not_a_real_key_123456');
  });

  it('never logs a secret', () => {
    const logs = system.logs();
    expect(logs).not.toContain(system.adminKey);
    expect(logs).not.toContain(system.providerKey);
  });
});
