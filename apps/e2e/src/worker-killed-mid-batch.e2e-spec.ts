import { type BatchView, type CreateBatchResult } from '@gtr/domain';
import { promptFingerprint } from '@gtr/mock-llm';
import { type DistributedSystem, startDistributedSystem } from './support/distributed-system';
import { isRunning } from '@gtr/testing/system';
import { waitFor } from './support/wait-for';

const ROWS = 400;
/**
 * Workers confirm their claims every GTR_CLAIM_HEARTBEAT_MS and the reconciler releases a claim
 * unconfirmed for three beats: a 1 s beat brings the killed worker's runs back within 3-4 s.
 */
const HEARTBEAT_MS = 1_000;

interface RunRow {
  id: string;
  messages: unknown;
  status: string;
  attempt_count: number;
  claimed_by: string | null;
}

describe('a worker killed with SIGKILL in the middle of a batch', () => {
  let system: DistributedSystem;

  beforeAll(async () => {
    // 2 × 16 calls in flight at 300 ms each: 400 rows take about 4 s when nothing goes wrong.
    system = await startDistributedSystem({
      mock: { latencyMs: 300, jitterMs: 30 },
      env: { GTR_WORKER_CONCURRENCY: '16', GTR_CLAIM_HEARTBEAT_MS: String(HEARTBEAT_MS) },
    });
  });

  afterAll(() => system?.stop());

  it('loses no row, stores no result twice, and repeats only the calls that were in flight', async () => {
    const { db, mock, workers } = system;
    const [killed, survivor] = workers;
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      id: `row-${i + 1}`,
      prompt: `Say reply ${i + 1}`,
    }));
    const created = await system.call<CreateBatchResult>('POST', '/v1/batches', { rows });
    expect(created.status).toBe(201);
    const id = created.body.batch.id;
    const runsOfBatch = async () =>
      (await db.dataSource.query(
        'SELECT id, messages, status, attempt_count, claimed_by FROM runs WHERE batch_id = $1 ORDER BY batch_row',
        [id],
      )) as RunRow[];

    // Kill worker-1 once the batch is well under way and it holds runs mid-call.
    await waitFor(
      'worker-1 to be calling the provider mid-batch',
      async () => {
        const runs = await runsOfBatch();
        const succeeded = runs.filter((r) => r.status === 'succeeded').length;
        const held = runs.filter((r) => r.status === 'running' && r.claimed_by === 'worker-1').length;
        return succeeded >= ROWS / 10 && held >= 4;
      },
      { timeoutMs: 60_000, intervalMs: 50, diagnostics: system.logs },
    );
    // Same tick: mock-llm runs in this process, so no request can reach it in between.
    const inFlightAtKill = mock.stats().inFlight;
    killed.child.kill('SIGKILL');
    await killed.stop();
    // What worker-1 left mid-call: running in Postgres, claimed by a process that is gone.
    const orphans = (await runsOfBatch()).filter(
      (r) => r.status === 'running' && r.claimed_by === 'worker-1',
    );
    expect(orphans.length).toBeGreaterThan(0);

    const finished = await waitFor(
      'the batch to finish on worker-2',
      async () => {
        const { body } = await system.call<BatchView>('GET', `/v1/batches/${id}`);
        return ['succeeded', 'partial', 'failed', 'cancelled'].includes(body.status) && body;
      },
      { timeoutMs: 60_000, intervalMs: 500, diagnostics: system.logs },
    );
    expect(finished).toMatchObject({ status: 'succeeded', total: ROWS, done: ROWS });

    // No row lost: the results hold every row once, in input order, with its own answer.
    const res = await fetch(`${system.apiUrl}/v1/batches/${id}/results?format=jsonl`, {
      headers: { Authorization: `Bearer ${system.adminKey}` },
    });
    const results = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; success: boolean; response: { text: string } | null });
    expect(results.map((r) => [r.id, r.success, r.response?.text])).toEqual(
      rows.map((r, i) => [r.id, true, `reply ${i + 1}`]),
    );

    // No result stored twice: one successful attempt per run; the orphans took a second
    // attempt on worker-2 once the reconciler released them, every other run took one.
    const runs = await runsOfBatch();
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    const attempts = (await db.dataSource.query(
      `SELECT run_id, number, worker_id FROM run_attempts
        WHERE run_id = ANY($1) AND error_code IS NULL ORDER BY run_id`,
      [runs.map((r) => r.id)],
    )) as { run_id: string; number: number; worker_id: string }[];
    expect(attempts).toHaveLength(ROWS);
    expect(new Set(attempts.map((a) => a.run_id)).size).toBe(ROWS);
    const orphanIds = new Set(orphans.map((o) => o.id));
    expect(attempts.filter((a) => orphanIds.has(a.run_id)).map((a) => [a.number, a.worker_id])).toEqual(
      orphans.map(() => [2, 'worker-2']),
    );
    expect(runs.filter((r) => !orphanIds.has(r.id)).every((r) => r.attempt_count === 1)).toBe(true);
    const released = survivor
      .output()
      .split('\n')
      .filter((l) => l.includes('run lost its worker')).length;
    expect(released).toBe(orphans.length);

    // Provider calls repeated: only prompts of runs worker-1 held mid-call, each once more,
    // and no more of them than were in flight at the kill.
    const stats = mock.stats();
    const fingerprints = new Map(runs.map((r) => [promptFingerprint(r.messages), r.id]));
    expect(Object.keys(stats.promptCounts).sort()).toEqual([...fingerprints.keys()].sort());
    const duplicates = mock.duplicates();
    expect(
      duplicates.every((d) => d.count === 2 && orphanIds.has(fingerprints.get(d.fingerprint) ?? '')),
    ).toBe(true);
    expect(duplicates.length).toBeLessThanOrEqual(inFlightAtKill);
    expect(isRunning(survivor)).toBe(true);
    process.stdout.write(
      `worker kill: ${inFlightAtKill} calls in flight at the kill, ${orphans.length} runs held by worker-1, ` +
        `${duplicates.length} prompts sent twice, batch finished ${finished.finishedAt}\n`,
    );
  }, 240_000);
});
