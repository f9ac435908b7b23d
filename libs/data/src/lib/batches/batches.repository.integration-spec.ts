import { makeRunInput } from '../../../test/factories';
import { type TestDatabase } from '../../../test/test-database';
import { useTenantDatabase } from '../../../test/tenant-database';
import { RunExecutionRepository } from '../runs/run-execution.repository';
import { RunsRepository } from '../runs/runs.repository';
import { BatchesRepository, RESULTS_PAGE_SIZE } from './batches.repository';

describe('BatchesRepository', () => {
  let db: TestDatabase;
  let batches: BatchesRepository;
  let runs: RunsRepository;
  let tenantId: string;
  let otherTenantId: string;

  useTenantDatabase('runs, batches CASCADE', (ctx) => {
    ({ db, tenantId, otherTenantId } = ctx);
    batches = new BatchesRepository(db.dataSource);
    runs = new RunsRepository(db.dataSource);
  });

  const inputs = (n: number, prefix = 'p') =>
    Array.from({ length: n }, (_, i) =>
      makeRunInput({ messages: [{ role: 'user', content: `${prefix}${i}` }], batchRowId: `row-${i + 1}` }),
    );

  const finish = (
    id: string,
    status: 'succeeded' | 'failed',
    startedAt: string,
    finishedAt: string,
    extra = ', attempt_count = 1',
  ) =>
    db.dataSource.query(
      `UPDATE runs SET status = $2, started_at = $3, finished_at = $4,
         prompt_tokens = 10, completion_tokens = 5, cost_usd = 0.001 ${extra} WHERE id = $1`,
      [id, status, startedAt, finishedAt],
    );

  describe('createWithRuns', () => {
    it('inserts the batch and its runs in input order, in chunks of 1,000', async () => {
      const created = await batches.createWithRuns(tenantId, { name: 'big', priority: 2 }, inputs(2_345));
      expect(created.created).toBe(true);
      expect(created.runs).toHaveLength(2_345);
      const rows = await db.dataSource.query(
        'SELECT id, batch_row, batch_row_id, status, messages FROM runs WHERE batch_id = $1 ORDER BY batch_row',
        [created.batchId],
      );
      expect(rows.map((r: { id: string }) => r.id)).toEqual(created.runs.map((r) => r.id));
      expect(rows[0]).toMatchObject({ batch_row: 1, batch_row_id: 'row-1', status: 'queued' });
      expect(rows[2_344].messages).toEqual([{ role: 'user', content: 'p2344' }]);
      const view = await batches.find(tenantId, created.batchId);
      expect(view).toMatchObject({
        name: 'big',
        priority: 2,
        total: 2_345,
        status: 'queued',
        done: 0,
        etaSeconds: null,
      });
      expect(view?.counts.queued).toBe(2_345);
    });

    it('stores nothing when a run insert fails', async () => {
      const bad = [...inputs(3), makeRunInput({ timeoutMs: Number.NaN })];
      await expect(batches.createWithRuns(tenantId, {}, bad)).rejects.toThrow();
      const [{ n }] = await db.dataSource.query(
        'SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM batches) AS n',
      );
      expect(Number(n)).toBe(0);
    });

    it('replays a batch idempotency key without inserting anything', async () => {
      const first = await batches.createWithRuns(tenantId, { idempotencyKey: 'k1' }, inputs(3));
      const again = await batches.createWithRuns(tenantId, { idempotencyKey: 'k1' }, inputs(5));
      expect(again).toEqual({ batchId: first.batchId, created: false, runs: [] });
      expect((await batches.findByIdempotencyKey(tenantId, 'k1'))?.id).toBe(first.batchId);
      expect(await batches.findByIdempotencyKey(otherTenantId, 'k1')).toBeNull();
      const other = await batches.createWithRuns(otherTenantId, { idempotencyKey: 'k1' }, inputs(1));
      expect(other.created).toBe(true);
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM runs');
      expect(n).toBe(4);
    });

    it('links rows whose idempotency key already ran instead of inserting them again', async () => {
      const { run: earlier } = await runs.create(tenantId, makeRunInput({ idempotencyKey: 'row-key' }));
      const rows = inputs(3);
      rows[1] = { ...rows[1], idempotencyKey: 'row-key' };
      const created = await batches.createWithRuns(tenantId, {}, rows);
      expect(created.runs[1]).toEqual({ id: earlier.id, created: false });
      expect(created.runs.filter((r) => r.created)).toHaveLength(2);
      const view = await batches.find(tenantId, created.batchId);
      expect(view?.total).toBe(3);
      const [adopted] = await db.dataSource.query('SELECT batch_id, batch_row FROM runs WHERE id = $1', [
        earlier.id,
      ]);
      expect(adopted).toEqual({ batch_id: created.batchId, batch_row: 2 });
    });
  });

  describe('find and progress', () => {
    it('counts by status and computes tokens, cost, throughput and ETA from the runs', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(6));
      const ids = created.runs.map((r) => r.id);
      await finish(ids[0], 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:02Z');
      await finish(ids[1], 'succeeded', '2026-01-01T00:00:01Z', '2026-01-01T00:00:04Z');
      await finish(
        ids[2],
        'failed',
        '2026-01-01T00:00:02Z',
        '2026-01-01T00:00:06Z',
        ", error_code = 'E_SERVER_ERROR'",
      );
      await db.dataSource.query(
        `UPDATE runs SET status = 'running', started_at = '2026-01-01T00:00:05Z' WHERE id = $1`,
        [ids[3]],
      );
      const view = await batches.find(tenantId, created.batchId);
      expect(view).toMatchObject({
        status: 'running',
        total: 6,
        done: 3,
        usage: { promptTokens: 30, completionTokens: 15, totalTokens: 45 },
        costUsd: 0.003,
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: null,
        // 3 finished over 6 s: 0.5/s; 3 remaining → 6 s.
        throughputPerSecond: 0.5,
        etaSeconds: 6,
      });
      expect(view?.counts).toMatchObject({ succeeded: 2, failed: 1, running: 1, queued: 2 });
    });

    it('estimates from one run’s duration before throughput is known', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(5));
      await finish(created.runs[0].id, 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:03Z');
      const view = await batches.find(tenantId, created.batchId);
      expect(view).toMatchObject({ throughputPerSecond: null, etaSeconds: 12 });
    });

    it.each([
      [['succeeded', 'succeeded'], 'succeeded'],
      [['succeeded', 'failed'], 'partial'],
      [['failed', 'failed'], 'failed'],
    ] as const)('finished runs %j make the batch %s', async (statuses, expected) => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(2));
      for (const [i, status] of statuses.entries()) {
        await finish(created.runs[i].id, status, '2026-01-01T00:00:00Z', `2026-01-01T00:00:0${i + 1}Z`);
      }
      const view = await batches.find(tenantId, created.batchId);
      expect(view).toMatchObject({
        status: expected,
        etaSeconds: null,
        finishedAt: '2026-01-01T00:00:02.000Z',
      });
    });

    it('is tenant-scoped and ignores malformed ids', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(1));
      expect(await batches.find(otherTenantId, created.batchId)).toBeNull();
      expect(await batches.find(tenantId, 'nope')).toBeNull();
      expect(await batches.runs(otherTenantId, created.batchId)).toBeNull();
      expect(await batches.cancel(otherTenantId, created.batchId)).toBeNull();
      expect(await batches.retryFailed(otherTenantId, created.batchId)).toBeNull();
      const results = [];
      for await (const r of batches.resultsInOrder(otherTenantId, created.batchId)) results.push(r);
      expect(results).toEqual([]);
    });
  });

  describe('list and runs', () => {
    it('lists newest first with a cursor', async () => {
      const a = await batches.createWithRuns(tenantId, { name: 'a' }, inputs(2));
      const b = await batches.createWithRuns(tenantId, { name: 'b' }, inputs(1));
      await batches.createWithRuns(otherTenantId, { name: 'x' }, inputs(1));
      const first = await batches.list(tenantId, { limit: 1 });
      expect(first.data.map((v) => v.id)).toEqual([b.batchId]);
      expect(first.data[0].total).toBe(1);
      const second = await batches.list(tenantId, { limit: 1, cursor: first.nextCursor ?? undefined });
      expect(second).toMatchObject({ data: [{ id: a.batchId, total: 2 }], nextCursor: null });
      await expect(batches.list(tenantId, { cursor: 'bad' })).rejects.toMatchObject({ code: 'E_VALIDATION' });
    });

    it('pages a batch’s runs in input order, by status', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(5));
      await finish(created.runs[3].id, 'failed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      const first = await batches.runs(tenantId, created.batchId, { limit: 2 });
      expect(first?.data.map((r) => r.id)).toEqual(created.runs.slice(0, 2).map((r) => r.id));
      const rest = await batches.runs(tenantId, created.batchId, {
        limit: 10,
        cursor: first?.nextCursor ?? undefined,
      });
      expect(rest?.data.map((r) => r.id)).toEqual(created.runs.slice(2).map((r) => r.id));
      expect(rest?.nextCursor).toBeNull();
      const failed = await batches.runs(tenantId, created.batchId, { status: ['failed'] });
      expect(failed?.data.map((r) => r.id)).toEqual([created.runs[3].id]);
      await expect(batches.runs(tenantId, created.batchId, { cursor: 'x' })).rejects.toMatchObject({
        code: 'E_VALIDATION',
      });
    });

    it('reads results in input order across keyset pages', async () => {
      const n = RESULTS_PAGE_SIZE + 7;
      const created = await batches.createWithRuns(tenantId, {}, inputs(n));
      const seen: number[] = [];
      for await (const result of batches.resultsInOrder(tenantId, created.batchId))
        seen.push(result.batchRow);
      expect(seen).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      await finish(created.runs[5].id, 'failed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      const failed = [];
      for await (const result of batches.resultsInOrder(tenantId, created.batchId, ['failed']))
        failed.push(result);
      expect(failed).toMatchObject([
        { batchRow: 6, rowId: 'row-6', run: { id: created.runs[5].id, status: 'failed' } },
      ]);
    });
  });

  describe('cancel and retryFailed', () => {
    it('cancels every unfinished run and the batch in one statement, keeping finished ones', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(4));
      const ids = created.runs.map((r) => r.id);
      await finish(ids[0], 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      await db.dataSource.query(`UPDATE runs SET status = 'running', started_at = now() WHERE id = $1`, [
        ids[1],
      ]);
      const cancelled = await batches.cancel(tenantId, created.batchId);
      expect(cancelled?.sort((a, b) => a.runId.localeCompare(b.runId))).toEqual(
        [
          { runId: ids[1], previousStatus: 'running' },
          { runId: ids[2], previousStatus: 'queued' },
          { runId: ids[3], previousStatus: 'queued' },
        ].sort((a, b) => a.runId.localeCompare(b.runId)),
      );
      const view = await batches.find(tenantId, created.batchId);
      expect(view).toMatchObject({ status: 'cancelled', counts: { succeeded: 1, cancelled: 3 } });
      expect(await batches.cancel(tenantId, created.batchId)).toEqual([]);
    });

    it('leaves a finished batch’s status alone', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(1));
      await finish(created.runs[0].id, 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      expect(await batches.cancel(tenantId, created.batchId)).toEqual([]);
      expect((await batches.find(tenantId, created.batchId))?.status).toBe('succeeded');
    });

    it('queues failed runs again with fresh attempts and no error', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(3));
      const ids = created.runs.map((r) => r.id);
      await finish(ids[0], 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      await finish(
        ids[2],
        'failed',
        '2026-01-01T00:00:00Z',
        '2026-01-01T00:00:01Z',
        ", error_code = 'E_TIMEOUT', error_message = 'slow', attempt_count = 3",
      );
      const retried = await batches.retryFailed(tenantId, created.batchId);
      expect(retried).toEqual([{ runId: ids[2], attemptCount: 3 }]);
      const [row] = await db.dataSource.query(
        'SELECT status, max_attempts, error_code, error_message, finished_at FROM runs WHERE id = $1',
        [ids[2]],
      );
      expect(row).toEqual({
        status: 'queued',
        max_attempts: 6,
        error_code: null,
        error_message: null,
        finished_at: null,
      });
      expect(await batches.retryFailed(tenantId, created.batchId)).toEqual([]);
    });
  });

  describe('createWithRuns from a stream', () => {
    it('stores a stream as it reads it, and keeps nothing when beforeCommit refuses it', async () => {
      async function* stream(n: number) {
        for (const input of inputs(n, 's')) yield input;
      }
      await expect(
        batches.createWithRuns(tenantId, {}, stream(2_500), {
          beforeCommit: (count) => {
            expect(count).toBe(2_500);
            throw new Error('row 2,501 is invalid');
          },
        }),
      ).rejects.toThrow('row 2,501 is invalid');
      const [left] = await db.dataSource.query(
        'SELECT (SELECT count(*) FROM runs)::int AS runs, (SELECT count(*) FROM batches)::int AS batches',
      );
      expect(left).toEqual({ runs: 0, batches: 0 });

      const created = await batches.createWithRuns(
        tenantId,
        { options: { skipInvalid: true } },
        stream(1_001),
        {
          beforeCommit: () => ({ skippedRows: 3 }),
        },
      );
      expect(await batches.find(tenantId, created.batchId)).toMatchObject({
        total: 1_001,
        options: { skipInvalid: true, skippedRows: 3 },
      });
    });
  });

  describe('pause and resume', () => {
    it('stops claims while paused, and resume hands back every run still waiting, retries with their delay', async () => {
      const execution = new RunExecutionRepository(db.dataSource);
      const created = await batches.createWithRuns(tenantId, { concurrency: 2 }, inputs(4));
      const ids = created.runs.map((r) => r.id);
      expect(await execution.claim(ids[0], 'w1')).not.toBeNull();
      await finish(ids[1], 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      await db.dataSource.query(
        `UPDATE runs SET status = 'retrying', attempt_count = 1, queued_at = now() + interval '60 seconds' WHERE id = $1`,
        [ids[3]],
      );

      expect(await batches.pause(tenantId, created.batchId)).toEqual({ changed: true, status: 'paused' });
      expect(await batches.pause(tenantId, created.batchId)).toEqual({ changed: false, status: 'paused' });
      const view = await batches.find(tenantId, created.batchId);
      expect(view).toMatchObject({ status: 'paused', concurrency: 2, mode: 'queue' });
      expect(await execution.claim(ids[2], 'w1')).toBeNull();
      // The reconciler leaves a paused batch's runs alone, and gives a capped batch's runs their cap.
      const due = await execution.findQueued(0, 100);
      expect(due.map((run) => run.runId)).not.toContain(ids[2]);

      const resumed = await batches.resume(tenantId, created.batchId);
      expect(resumed).toMatchObject({ changed: true, status: 'running' });
      expect(resumed?.runs.map((run) => run.runId)).toEqual([ids[2], ids[3]]);
      expect(resumed?.runs[0]).toEqual({ runId: ids[2], attemptCount: 0, delayMs: 0 });
      expect(resumed?.runs[1].delayMs).toBeGreaterThan(50_000);
      expect(await batches.resume(tenantId, created.batchId)).toEqual({
        changed: false,
        status: 'running',
        runs: [],
      });
      expect((await execution.findQueued(0, 100)).find((run) => run.runId === ids[2])?.batch).toEqual({
        id: created.batchId,
        concurrency: 2,
      });
      expect(await execution.claim(ids[2], 'w1')).not.toBeNull();
    });

    it('refuses to pause a finished batch, and is tenant-scoped', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(1));
      expect(await batches.pause(otherTenantId, created.batchId)).toBeNull();
      expect((await batches.find(tenantId, created.batchId))?.status).toBe('queued');
      await batches.pause(tenantId, created.batchId);
      expect(await batches.resume(otherTenantId, created.batchId)).toBeNull();
      expect((await batches.find(tenantId, created.batchId))?.status).toBe('paused');
      await batches.resume(tenantId, created.batchId);
      expect(await batches.pause(tenantId, 'not-a-uuid')).toBeNull();
      await finish(created.runs[0].id, 'succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      expect(await batches.pause(tenantId, created.batchId)).toEqual({ changed: false, status: 'running' });
    });

    it('keeps a paused batch paused when its failed runs are retried', async () => {
      const created = await batches.createWithRuns(tenantId, {}, inputs(2));
      await batches.pause(tenantId, created.batchId);
      await finish(created.runs[0].id, 'failed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
      expect(await batches.retryFailed(tenantId, created.batchId)).toHaveLength(1);
      expect((await batches.find(tenantId, created.batchId))?.status).toBe('paused');
    });
  });
});
