import { GtrError, type RunStatus } from '@gtr/domain';
import { makeRunInput } from '../../../test/factories';
import { type TestDatabase } from '../../../test/test-database';
import { useTenantDatabase } from '../../../test/tenant-database';
import { RunExecutionRepository } from './run-execution.repository';
import { RunsRepository } from './runs.repository';

describe('RunsRepository', () => {
  let db: TestDatabase;
  let runs: RunsRepository;
  let execution: RunExecutionRepository;
  let tenantId: string;
  let otherTenantId: string;

  useTenantDatabase('runs, batches CASCADE', (ctx) => {
    ({ db, tenantId, otherTenantId } = ctx);
    runs = new RunsRepository(db.dataSource);
    execution = new RunExecutionRepository(db.dataSource);
  });

  const setStatus = (id: string, status: RunStatus) =>
    db.dataSource.query('UPDATE runs SET status = $2 WHERE id = $1', [id, status]);

  describe('create', () => {
    it('inserts a queued run and returns its view', async () => {
      const { run, created } = await runs.create(
        tenantId,
        makeRunInput({
          params: { temperature: 0, maxTokens: 50 },
          metadata: { source: 'spec' },
          outputSchema: { type: 'object' },
          input: { name: 'Ada' },
        }),
      );
      expect(created).toBe(true);
      expect(run).toEqual({
        id: expect.any(String),
        status: 'queued',
        provider: 'dry-run',
        model: 'dry-run-1',
        taskId: null,
        taskVersion: null,
        batchId: null,
        messages: [{ role: 'user', content: 'Say hello' }],
        params: { temperature: 0, maxTokens: 50 },
        output: null,
        finishReason: null,
        usage: null,
        costUsd: null,
        cached: false,
        error: null,
        attemptCount: 0,
        metadata: { source: 'spec' },
        idempotencyKey: null,
        createdAt: expect.any(String),
        startedAt: null,
        finishedAt: null,
        durationMs: null,
      });
      const [row] = await db.dataSource.query('SELECT * FROM runs WHERE id = $1', [run.id]);
      expect(row).toMatchObject({
        tenant_id: tenantId,
        max_attempts: 3,
        timeout_ms: 30_000,
        input: { name: 'Ada' },
        cached: false,
        cache_ttl_seconds: null,
      });
      expect(row.queued_at).toBeInstanceOf(Date);
      expect(row.output_schema).toEqual({ type: 'object' });
    });

    it('returns the existing run with created: false when the idempotency key was used', async () => {
      const first = await runs.create(tenantId, makeRunInput({ idempotencyKey: 'order-42' }));
      const again = await runs.create(
        tenantId,
        makeRunInput({ idempotencyKey: 'order-42', messages: [{ role: 'user', content: 'different' }] }),
      );
      expect(again).toEqual({ run: first.run, created: false });
      const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM runs');
      expect(count).toBe(1);
    });

    it('gives concurrent creates with one key one run', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => runs.create(tenantId, makeRunInput({ idempotencyKey: 'race' }))),
      );
      expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it('scopes idempotency keys to the tenant', async () => {
      const a = await runs.create(tenantId, makeRunInput({ idempotencyKey: 'shared' }));
      const b = await runs.create(otherTenantId, makeRunInput({ idempotencyKey: 'shared' }));
      expect(b.created).toBe(true);
      expect(b.run.id).not.toBe(a.run.id);
    });

    it('stores the run’s cache opt-in', async () => {
      const { run } = await runs.create(tenantId, makeRunInput({ cacheTtlSeconds: 3600 }));
      const [{ id }] = await runs.createMany(tenantId, [makeRunInput({ cacheTtlSeconds: 60 })]);
      const rows: Array<{ cache_ttl_seconds: number }> = await db.dataSource.query(
        'SELECT cache_ttl_seconds FROM runs WHERE id = ANY($1) ORDER BY cache_ttl_seconds',
        [[run.id, id]],
      );
      expect(rows.map((row) => row.cache_ttl_seconds)).toEqual([60, 3600]);
      expect(run.cached).toBe(false);
    });

    it('creates a waiting run without a queue time', async () => {
      const { run } = await runs.create(tenantId, makeRunInput({ status: 'waiting', maxAttempts: 5 }));
      expect(run.status).toBe('waiting');
      const [row] = await db.dataSource.query('SELECT queued_at, max_attempts FROM runs WHERE id = $1', [
        run.id,
      ]);
      expect(row).toEqual({ queued_at: null, max_attempts: 5 });
    });
  });

  describe('createMany', () => {
    it('inserts many runs in chunks and returns their ids in input order', async () => {
      const [batch] = await db.dataSource.query(`INSERT INTO batches (tenant_id) VALUES ($1) RETURNING id`, [
        tenantId,
      ]);
      const inputs = Array.from({ length: 2100 }, (_, i) =>
        makeRunInput({ batchId: batch.id, batchRow: i + 1 }),
      );
      const refs = await runs.createMany(tenantId, inputs);
      expect(refs).toHaveLength(2100);
      expect(refs.every((ref) => ref.created)).toBe(true);
      const rows: Array<{ id: string; batch_row: number }> = await db.dataSource.query(
        'SELECT id, batch_row FROM runs WHERE batch_id = $1',
        [batch.id],
      );
      const rowById = new Map(rows.map((r) => [r.id, r.batch_row]));
      expect(refs.map((ref) => rowById.get(ref.id))).toEqual(inputs.map((input) => input.batchRow));
    });

    it('resolves idempotency keys used before or earlier in the same call', async () => {
      const earlier = await runs.create(tenantId, makeRunInput({ idempotencyKey: 'k1' }));
      const refs = await runs.createMany(tenantId, [
        makeRunInput({ idempotencyKey: 'k1' }),
        makeRunInput({ idempotencyKey: 'k2' }),
        makeRunInput(),
        makeRunInput({ idempotencyKey: 'k2' }),
      ]);
      expect(refs[0]).toEqual({ id: earlier.run.id, created: false });
      expect(refs[1].created).toBe(true);
      expect(refs[2].created).toBe(true);
      expect(refs[3]).toEqual({ id: refs[1].id, created: false });
      const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM runs');
      expect(count).toBe(3);
    });

    it('inserts nothing when one row fails', async () => {
      const bad = makeRunInput({ batchId: '00000000-0000-4000-8000-000000000000' });
      await expect(runs.createMany(tenantId, [makeRunInput(), bad])).rejects.toThrow(/foreign key/);
      const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM runs');
      expect(count).toBe(0);
    });

    it('accepts an empty list', async () => {
      expect(await runs.createMany(tenantId, [])).toEqual([]);
    });
  });

  describe('findById and findDetail', () => {
    it('finds only the tenant own runs', async () => {
      const { run } = await runs.create(tenantId, makeRunInput());
      expect(await runs.findById(tenantId, run.id)).toEqual(run);
      expect(await runs.findById(otherTenantId, run.id)).toBeNull();
      expect(await runs.findById(tenantId, 'nope')).toBeNull();
      expect(await runs.findDetail(otherTenantId, run.id)).toBeNull();
    });

    it('returns the attempts in order with the run', async () => {
      const { run } = await runs.create(tenantId, makeRunInput());
      const t0 = new Date('2026-01-01T00:00:00.000Z');
      const t1 = new Date('2026-01-01T00:00:01.500Z');
      const claim1 = await execution.claim(run.id, 'w1');
      await execution.recordFailure(
        run.id,
        claim1!.attemptNumber,
        {
          startedAt: t0,
          finishedAt: t1,
          latencyMs: 1500,
          httpStatus: 429,
          errorCode: 'E_RATE_LIMIT',
          errorMessage: 'slow down',
          rateLimitWaitMs: 20,
        },
        { retryAt: new Date() },
      );
      const claim2 = await execution.claim(run.id, 'w2');
      await execution.recordSuccess(run.id, claim2!.attemptNumber, {
        startedAt: t1,
        finishedAt: t1,
        latencyMs: 0,
        httpStatus: 200,
        outputText: '{"ok":true}',
        outputJson: { ok: true },
        finishReason: 'stop',
        usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15, cachedTokens: 2 },
        costUsd: 0.000123,
        providerRequestId: 'req_1',
      });
      const detail = await runs.findDetail(tenantId, run.id);
      expect(detail).toMatchObject({
        id: run.id,
        status: 'succeeded',
        attemptCount: 2,
        output: { text: '{"ok":true}', json: { ok: true } },
        usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15, cachedTokens: 2 },
        costUsd: 0.000123,
        error: null,
      });
      expect(detail!.attempts).toEqual([
        {
          number: 1,
          startedAt: t0.toISOString(),
          finishedAt: t1.toISOString(),
          latencyMs: 1500,
          httpStatus: 429,
          errorCode: 'E_RATE_LIMIT',
          errorMessage: 'slow down',
          rateLimitWaitMs: 20,
          usage: null,
          providerRequestId: null,
        },
        {
          number: 2,
          startedAt: t1.toISOString(),
          finishedAt: t1.toISOString(),
          latencyMs: 0,
          httpStatus: 200,
          errorCode: null,
          errorMessage: null,
          rateLimitWaitMs: 0,
          usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15, cachedTokens: 2 },
          providerRequestId: 'req_1',
        },
      ]);
      expect(detail!.durationMs).toBeGreaterThanOrEqual(0);
    });
  });

  describe('list', () => {
    async function seed(count: number, sameCreatedAt: boolean): Promise<string[]> {
      const refs = await runs.createMany(
        tenantId,
        Array.from({ length: count }, (_, i) => makeRunInput({ metadata: { i } })),
      );
      if (!sameCreatedAt) {
        // Spread creation over distinct microseconds, newest last.
        await db.dataSource.query(
          `UPDATE runs SET created_at = '2026-01-01T00:00:00Z'::timestamptz + (metadata->>'i')::int * interval '1 microsecond'`,
        );
      }
      return refs.map((ref) => ref.id);
    }

    async function collect(options: { status?: RunStatus[]; batchId?: string; limit: number }) {
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await runs.list(tenantId, { ...options, cursor });
        ids.push(...page.data.map((run) => run.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 100);
      return { ids, pages };
    }

    it('pages through runs with equal created_at without skipping or repeating', async () => {
      const ids = await seed(23, true);
      const [{ distinct }] = await db.dataSource.query(
        'SELECT count(DISTINCT created_at)::int AS distinct FROM runs',
      );
      expect(distinct).toBe(1);
      const { ids: listed, pages } = await collect({ limit: 5 });
      expect(pages).toBe(5);
      expect(listed).toHaveLength(23);
      expect(new Set(listed)).toEqual(new Set(ids));
      expect(listed).toEqual([...ids].sort().reverse());
    });

    it('orders newest first and keeps microsecond ties apart across pages', async () => {
      const ids = await seed(12, false);
      const { ids: listed } = await collect({ limit: 4 });
      expect(listed).toEqual([...ids].reverse());
    });

    it('returns no cursor on the last page', async () => {
      await seed(3, true);
      const page = await runs.list(tenantId, { limit: 3 });
      expect(page.data).toHaveLength(3);
      expect(page.nextCursor).toBeNull();
    });

    it('filters by one or several statuses', async () => {
      const ids = await seed(9, false);
      await setStatus(ids[0], 'succeeded');
      await setStatus(ids[4], 'succeeded');
      await setStatus(ids[8], 'failed');
      expect((await collect({ status: ['succeeded'], limit: 1 })).ids).toEqual([ids[4], ids[0]]);
      expect((await collect({ status: ['succeeded', 'failed'], limit: 2 })).ids).toEqual([
        ids[8],
        ids[4],
        ids[0],
      ]);
      expect((await collect({ status: [], limit: 50 })).ids).toHaveLength(9);
    });

    it('filters by batch', async () => {
      const [batch] = await db.dataSource.query(`INSERT INTO batches (tenant_id) VALUES ($1) RETURNING id`, [
        tenantId,
      ]);
      await seed(3, true);
      const inBatch = await runs.createMany(tenantId, [
        makeRunInput({ batchId: batch.id }),
        makeRunInput({ batchId: batch.id }),
      ]);
      const { ids } = await collect({ batchId: batch.id, limit: 1 });
      expect(new Set(ids)).toEqual(new Set(inBatch.map((r) => r.id)));
      expect((await runs.list(tenantId, { batchId: 'bad', limit: 5 })).data).toEqual([]);
    });

    it('never shows another tenant runs', async () => {
      await seed(2, true);
      expect(await runs.list(otherTenantId, { limit: 10 })).toEqual({ data: [], nextCursor: null });
      expect(await runs.list('not-a-uuid', { limit: 10 })).toEqual({ data: [], nextCursor: null });
    });

    it('clamps the page size', async () => {
      await seed(3, true);
      expect((await runs.list(tenantId, { limit: 0 })).data).toHaveLength(1);
      expect((await runs.list(tenantId, { limit: 10_000 })).data).toHaveLength(3);
    });

    it.each(['garbage', Buffer.from('["2026-01-01","x"]').toString('base64url'), ''])(
      'rejects the bad cursor %p naming the cursor field',
      async (cursor) => {
        const error = await runs.list(tenantId, { limit: 5, cursor }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GtrError);
        expect(error).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'cursor' }] });
      },
    );
  });

  describe('cancel', () => {
    it.each<RunStatus>(['queued', 'scheduled', 'waiting', 'retrying', 'running'])(
      'cancels a %s run',
      async (status) => {
        const { run } = await runs.create(tenantId, makeRunInput());
        await setStatus(run.id, status);
        const cancelled = await runs.cancel(tenantId, run.id);
        expect(cancelled).toMatchObject({
          id: run.id,
          status: 'cancelled',
          error: { code: 'E_CANCELLED', message: 'The run was cancelled.' },
        });
        expect(cancelled!.finishedAt).toEqual(expect.any(String));
      },
    );

    it.each<RunStatus>(['succeeded', 'failed', 'cancelled'])('leaves a %s run alone', async (status) => {
      const { run } = await runs.create(tenantId, makeRunInput());
      await setStatus(run.id, status);
      expect(await runs.cancel(tenantId, run.id)).toBeNull();
      expect((await runs.findById(tenantId, run.id))!.status).toBe(status);
    });

    it('cannot cancel another tenant run', async () => {
      const { run } = await runs.create(tenantId, makeRunInput());
      expect(await runs.cancel(otherTenantId, run.id)).toBeNull();
      expect(await runs.cancel(tenantId, 'nope')).toBeNull();
      expect((await runs.findById(tenantId, run.id))!.status).toBe('queued');
    });

    it('makes a later claim fail', async () => {
      const { run } = await runs.create(tenantId, makeRunInput());
      await runs.cancel(tenantId, run.id);
      expect(await execution.claim(run.id, 'w1')).toBeNull();
    });
  });
});
