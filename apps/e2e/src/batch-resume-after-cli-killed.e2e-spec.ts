import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BatchView } from '@gtr/domain';
import { type DistributedSystem, startDistributedSystem } from './support/distributed-system';
import { runGtr, startGtr } from '@gtr/testing/system';
import { waitFor } from './support/wait-for';

const ROWS = 300;

describe('a batch whose CLI was killed, resumed with `gtr run --resume`', () => {
  let system: DistributedSystem;
  let dir: string;

  beforeAll(async () => {
    // 16 calls in flight across both workers at 250 ms each: 300 rows take about 5 s.
    system = await startDistributedSystem({
      mock: { latencyMs: 250, jitterMs: 50 },
      env: { GTR_WORKER_CONCURRENCY: '8' },
    });
    dir = mkdtempSync(join(tmpdir(), 'gtr-e2e-resume-'));
  });

  afterAll(async () => {
    await system?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes every row exactly once, in input order, and calls the provider once per row', async () => {
    const input = join(dir, 'tasks.csv');
    const out = join(dir, 'out.jsonl');
    const lines = ['id,prompt'];
    for (let i = 1; i <= ROWS; i++) lines.push(`row-${i},Say answer ${i} of the file`);
    writeFileSync(input, `${lines.join('\n')}\n`);

    const cli = startGtr(['run', '-i', input, '-o', out], system.cliEnv, 120_000);
    const id = await waitFor(
      'the CLI to print the batch id',
      () => /Batch ([0-9a-f-]{36}): 300 rows/.exec(cli.stderr())?.[1],
      { timeoutMs: 30_000, diagnostics: () => `${cli.stderr()}\n${system.logs()}` },
    );
    const batch = async () => (await system.call<BatchView>('GET', `/v1/batches/${id}`)).body;
    await waitFor('a tenth of the rows to finish', async () => (await batch()).done >= ROWS / 10, {
      timeoutMs: 60_000,
      intervalMs: 100,
      diagnostics: system.logs,
    });

    // SIGKILL: no Ctrl-C handler runs, the CLI just vanishes mid-batch.
    cli.child.kill('SIGKILL');
    const killed = await cli.result;
    expect(killed.status).toBeNull();
    const atKill = await batch();
    expect(atKill.done).toBeLessThan(ROWS);
    // Results are only written once the batch has finished: nothing half-written is left.
    expect(existsSync(out)).toBe(false);

    const resumed = await runGtr(['run', '--resume', id, '-o', out], system.cliEnv, 120_000);
    expect(resumed.stderr).toContain(`Results: ${out}`);
    expect(resumed.status).toBe(0);

    const results = readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; success: boolean; response: { text: string } | null });
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: ROWS }, (_, i) => `row-${i + 1}`));
    expect(results.filter((r) => !r.success)).toEqual([]);
    expect(results.map((r) => r.response?.text)).toEqual(
      Array.from({ length: ROWS }, (_, i) => `answer ${i + 1} of the file`),
    );
    expect(existsSync(`${out}.failed.jsonl`)).toBe(false);

    // The batch went on without its CLI and resume only waited for the rest: every prompt
    // reached the provider once, every run took one attempt.
    const stats = system.mock.stats();
    expect(stats.chatCompletions.ok).toBe(ROWS);
    expect(Object.keys(stats.promptCounts)).toHaveLength(ROWS);
    expect(system.mock.duplicates()).toEqual([]);
    const [runs] = await system.db.dataSource.query(
      `SELECT count(*)::int AS n, max(attempt_count)::int AS "maxAttempts",
              count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded
         FROM runs WHERE batch_id = $1`,
      [id],
    );
    expect(runs).toEqual({ n: ROWS, maxAttempts: 1, succeeded: ROWS });
    process.stdout.write(`resume: CLI killed with ${atKill.done}/${ROWS} rows done\n`);
  });
});
