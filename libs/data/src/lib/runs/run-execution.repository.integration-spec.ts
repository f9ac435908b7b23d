import { canTransition, type RunStatus } from '@gtr/domain';
import { makeRunInput } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { TenantsRepository } from '../tenants/tenants.repository';
import { RunExecutionRepository } from './run-execution.repository';
import { type ResponseCacheEntry } from '../response-cache/response-cache-entry';
import { type AttemptFailure, type AttemptSuccess } from './run-execution.types';
import { RunsRepository } from './runs.repository';

const success = (overrides: Partial<AttemptSuccess> = {}): AttemptSuccess => ({
  startedAt: new Date('2026-01-01T00:00:00.000Z'),
  finishedAt: new Date('2026-01-01T00:00:00.250Z'),
  latencyMs: 250,
  httpStatus: 200,
  outputText: 'hello',
  finishReason: 'stop',
  usage: { promptTokens: 7, completionTokens: 3, totalTokens: 10, cachedTokens: 0 },
  costUsd: 0.00001,
  ...overrides,
});

const cachedAnswer: ResponseCacheEntry = {
  provider: 'dry-run',
  model: 'dry-run-1',
  outputText: '{"n":7}',
  outputJson: { n: 7 },
  finishReason: 'stop',
  usage: { promptTokens: 40, completionTokens: 6, totalTokens: 46, cachedTokens: 8 },
};

const failure = (overrides: Partial<AttemptFailure> = {}): AttemptFailure => ({
  startedAt: new Date('2026-01-01T00:00:00.000Z'),
  finishedAt: new Date('2026-01-01T00:00:01.000Z'),
  latencyMs: 1000,
  httpStatus: 503,
  errorCode: 'E_SERVER_ERROR',
  errorMessage: 'upstream unavailable',
  ...overrides,
});

describe('RunExecutionRepository', () => {
  let db: TestDatabase;
  let runs: RunsRepository;
  let execution: RunExecutionRepository;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    runs = new RunsRepository(db.dataSource);
    execution = new RunExecutionRepository(db.dataSource);
    tenantId = (await new TenantsRepository(db.dataSource).ensureTenant('acme')).id;
  });

  afterAll(async () => {
    await db.drop();
  });

  const newRun = async (overrides = {}) => (await runs.create(tenantId, makeRunInput(overrides))).run.id;
  const row = async (id: string) => (await db.dataSource.query('SELECT * FROM runs WHERE id = $1', [id]))[0];
  const attemptRows = (id: string) =>
    db.dataSource.query('SELECT * FROM run_attempts WHERE run_id = $1 ORDER BY number', [id]);

  it('its guards agree with the domain state machine', () => {
    expect(canTransition('queued', 'running')).toBe(true);
    expect(canTransition('retrying', 'running')).toBe(true);
    for (const to of ['succeeded', 'failed', 'retrying', 'queued'] as RunStatus[]) {
      expect(canTransition('running', to)).toBe(true);
    }
  });

  describe('claim', () => {
    it('returns what the worker needs and marks the run running', async () => {
      const id = await newRun({
        params: { seed: 1 },
        outputSchema: { type: 'object' },
        maxAttempts: 4,
        timeoutMs: 5000,
      });
      const claimed = await execution.claim(id, 'worker-a');
      expect(claimed).toEqual({
        runId: id,
        tenantId,
        batchId: null,
        createdAt: expect.any(Date),
        attemptNumber: 1,
        maxAttempts: 4,
        timeoutMs: 5000,
        provider: 'dry-run',
        model: 'dry-run-1',
        messages: [{ role: 'user', content: 'Say hello' }],
        params: { seed: 1 },
        outputSchema: { type: 'object' },
        cacheTtlSeconds: null,
      });
      expect(await row(id)).toMatchObject({ status: 'running', claimed_by: 'worker-a', attempt_count: 1 });
      expect((await row(id)).started_at).toBeInstanceOf(Date);
    });

    it('lets only one of two claims win', async () => {
      const id = await newRun();
      const results = await Promise.all([execution.claim(id, 'a'), execution.claim(id, 'b')]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await execution.claim(id, 'c')).toBeNull();
    });

    it.each<RunStatus>(['scheduled', 'waiting', 'succeeded', 'failed', 'cancelled'])(
      'refuses a %s run',
      async (status) => {
        const id = await newRun();
        await db.dataSource.query('UPDATE runs SET status = $2 WHERE id = $1', [id, status]);
        expect(await execution.claim(id, 'w')).toBeNull();
      },
    );

    it('refuses an unknown or malformed id', async () => {
      expect(await execution.claim('00000000-0000-4000-8000-000000000000', 'w')).toBeNull();
      expect(await execution.claim('x', 'w')).toBeNull();
    });
  });

  describe('recordSuccess', () => {
    it('completes the run and writes one attempt, once', async () => {
      const id = await newRun();
      const { attemptNumber } = (await execution.claim(id, 'worker-a'))!;
      const results = await Promise.all([
        execution.recordSuccess(id, attemptNumber, success({ outputJson: { a: 1 } })),
        execution.recordSuccess(id, attemptNumber, success({ outputText: 'late duplicate' })),
      ]);
      expect(results.sort()).toEqual([false, true]);
      expect(await execution.recordSuccess(id, attemptNumber, success())).toBe(false);
      const attempts = await attemptRows(id);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({
        number: 1,
        worker_id: 'worker-a',
        latency_ms: 250,
        http_status: 200,
        prompt_tokens: 7,
      });
      const run = await row(id);
      expect(run).toMatchObject({
        status: 'succeeded',
        finish_reason: 'stop',
        total_tokens: 10,
        cost_usd: '0.00001000',
      });
      expect(run.finished_at).toBeInstanceOf(Date);
      expect(['hello', 'late duplicate']).toContain(run.output_text);
    });

    it('is refused for a stale attempt number or a run that is not running', async () => {
      const id = await newRun();
      expect(await execution.recordSuccess(id, 1, success())).toBe(false);
      const { attemptNumber } = (await execution.claim(id, 'w'))!;
      expect(await execution.recordSuccess(id, attemptNumber + 1, success())).toBe(false);
      await runs.cancel(tenantId, id);
      expect(await execution.recordSuccess(id, attemptNumber, success())).toBe(false);
      expect(await attemptRows(id)).toHaveLength(0);
      expect(await execution.recordSuccess('x', 1, success())).toBe(false);
    });

    it('stores a JSON string output and clears an earlier error', async () => {
      const id = await newRun();
      await execution.recordFailure(id, (await execution.claim(id, 'w'))!.attemptNumber, failure(), {
        retryAt: new Date(),
      });
      const { attemptNumber } = (await execution.claim(id, 'w'))!;
      expect(
        await execution.recordSuccess(
          id,
          attemptNumber,
          success({ outputJson: 'just a string', usage: null, costUsd: null }),
        ),
      ).toBe(true);
      const view = await runs.findById(tenantId, id);
      expect(view).toMatchObject({
        status: 'succeeded',
        error: null,
        output: { text: 'hello', json: 'just a string' },
      });
      expect(view!.usage).toBeNull();
      expect(view!.costUsd).toBeNull();
    });
  });

  describe('recordFailure', () => {
    it('with retryAt moves the run to retrying until then, keeping the error', async () => {
      const id = await newRun();
      const retryAt = new Date(Date.now() + 60_000);
      const { attemptNumber } = (await execution.claim(id, 'w'))!;
      expect(
        await execution.recordFailure(id, attemptNumber, failure({ rateLimitWaitMs: 30 }), { retryAt }),
      ).toBe(true);
      const run = await row(id);
      expect(run).toMatchObject({
        status: 'retrying',
        error_code: 'E_SERVER_ERROR',
        error_message: 'upstream unavailable',
        finished_at: null,
      });
      expect(run.next_attempt_at).toEqual(retryAt);
      expect(run.queued_at).toEqual(retryAt);
      expect(await attemptRows(id)).toMatchObject([
        { number: 1, error_code: 'E_SERVER_ERROR', rate_limit_wait_ms: 30 },
      ]);
    });

    it('without retryAt fails the run for good', async () => {
      const id = await newRun();
      const { attemptNumber } = (await execution.claim(id, 'w'))!;
      expect(
        await execution.recordFailure(
          id,
          attemptNumber,
          failure({ errorCode: 'E_AUTH', errorMessage: 'bad key' }),
        ),
      ).toBe(true);
      expect(await execution.recordFailure(id, attemptNumber, failure())).toBe(false);
      const view = await runs.findDetail(tenantId, id);
      expect(view).toMatchObject({ status: 'failed', error: { code: 'E_AUTH', message: 'bad key' } });
      expect(view!.finishedAt).toEqual(expect.any(String));
      expect(view!.attempts).toHaveLength(1);
      expect(await execution.claim(id, 'w')).toBeNull();
    });

    it('adds up usage and cost over attempts', async () => {
      const id = await newRun();
      const usage = { promptTokens: 100, completionTokens: 20, totalTokens: 120, cachedTokens: 50 };
      let claim = (await execution.claim(id, 'w'))!;
      await execution.recordFailure(
        id,
        claim.attemptNumber,
        failure({ errorCode: 'E_OUTPUT_INVALID', usage, costUsd: 0.5 }),
        {
          retryAt: new Date(),
        },
      );
      claim = (await execution.claim(id, 'w'))!;
      expect(claim.attemptNumber).toBe(2);
      await execution.recordSuccess(id, claim.attemptNumber, success({ usage, costUsd: 0.25 }));
      const view = await runs.findById(tenantId, id);
      expect(view!.usage).toEqual({
        promptTokens: 200,
        completionTokens: 40,
        totalTokens: 240,
        cachedTokens: 100,
      });
      expect(view!.costUsd).toBe(0.75);
      expect(view!.attemptCount).toBe(2);
      expect(await execution.recordFailure('x', 1, failure())).toBe(false);
    });
  });

  describe('recordCacheHit', () => {
    it('hands the cache opt-in to the worker with the claim', async () => {
      const id = await newRun({ cacheTtlSeconds: 600 });
      expect((await execution.claim(id, 'w'))!.cacheTtlSeconds).toBe(600);
    });

    it('completes the run from the cache, free, with one attempt that used no tokens', async () => {
      const id = await newRun({ cacheTtlSeconds: 600 });
      const { attemptNumber } = (await execution.claim(id, 'worker-c'))!;
      const lookup = {
        startedAt: new Date('2026-01-01T00:00:00.000Z'),
        finishedAt: new Date('2026-01-01T00:00:00.004Z'),
      };
      expect(await execution.recordCacheHit(id, attemptNumber, cachedAnswer, lookup)).toBe(true);

      const view = await runs.findDetail(tenantId, id);
      expect(view).toMatchObject({
        status: 'succeeded',
        cached: true,
        costUsd: 0,
        output: { text: '{"n":7}', json: { n: 7 } },
        finishReason: 'stop',
        usage: cachedAnswer.usage,
        error: null,
        attemptCount: 1,
      });
      expect(view!.finishedAt).toEqual(expect.any(String));
      expect(view!.attempts).toEqual([
        {
          number: 1,
          startedAt: '2026-01-01T00:00:00.000Z',
          finishedAt: '2026-01-01T00:00:00.004Z',
          latencyMs: 4,
          httpStatus: null,
          errorCode: null,
          errorMessage: null,
          rateLimitWaitMs: 0,
          usage: null,
          providerRequestId: null,
        },
      ]);
      expect((await attemptRows(id))[0].worker_id).toBe('worker-c');
    });

    it('writes once: a duplicate, a stale claim or a finished run changes nothing', async () => {
      const id = await newRun();
      const { attemptNumber } = (await execution.claim(id, 'w'))!;
      const results = await Promise.all([
        execution.recordCacheHit(id, attemptNumber, cachedAnswer),
        execution.recordSuccess(id, attemptNumber, success()),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await execution.recordCacheHit(id, attemptNumber, cachedAnswer)).toBe(false);
      expect(await attemptRows(id)).toHaveLength(1);

      const stale = await newRun();
      const first = (await execution.claim(stale, 'w'))!;
      await execution.release(stale, first.attemptNumber);
      await execution.claim(stale, 'w');
      expect(await execution.recordCacheHit(stale, first.attemptNumber, cachedAnswer)).toBe(false);

      const cancelled = await newRun();
      const claim = (await execution.claim(cancelled, 'w'))!;
      await runs.cancel(tenantId, cancelled);
      expect(await execution.recordCacheHit(cancelled, claim.attemptNumber, cachedAnswer)).toBe(false);
      expect(await row(cancelled)).toMatchObject({ status: 'cancelled', cached: false });
      expect(await execution.recordCacheHit('x', 1, cachedAnswer)).toBe(false);
    });

    it('keeps what earlier attempts cost and clears their error', async () => {
      const id = await newRun();
      let claim = (await execution.claim(id, 'w'))!;
      await execution.recordFailure(id, claim.attemptNumber, failure({ costUsd: 0.002 }), {
        retryAt: new Date(),
      });
      claim = (await execution.claim(id, 'w'))!;
      const { outputJson: _none, ...textOnly } = cachedAnswer;
      expect(await execution.recordCacheHit(id, claim.attemptNumber, textOnly)).toBe(true);
      const view = await runs.findDetail(tenantId, id);
      expect(view).toMatchObject({ status: 'succeeded', cached: true, costUsd: 0.002, error: null });
      expect(view!.output).toEqual({ text: '{"n":7}', json: null });
      expect(view!.attempts.map((a) => a.errorCode)).toEqual(['E_SERVER_ERROR', null]);
    });
  });

  describe('release', () => {
    it('puts a running run back in the queue and never reuses its attempt number', async () => {
      const id = await newRun();
      const first = (await execution.claim(id, 'w1'))!;
      expect(await execution.release(id, first.attemptNumber)).toBe(true);
      expect(await row(id)).toMatchObject({ status: 'queued', claimed_by: null, claimed_at: null });
      const second = (await execution.claim(id, 'w2'))!;
      expect(second.attemptNumber).toBe(2);
      // The first worker's late result is refused.
      expect(await execution.recordSuccess(id, first.attemptNumber, success())).toBe(false);
      expect(await execution.release(id, first.attemptNumber)).toBe(false);
      expect(await execution.release(id)).toBe(true);
      expect(await execution.release(id)).toBe(false);
      expect(await execution.release('x')).toBe(false);
    });
  });

  describe('recovery queries', () => {
    beforeEach(async () => {
      await db.dataSource.query('TRUNCATE runs CASCADE');
    });

    it('findStaleRunning lists runs claimed too long ago, oldest first', async () => {
      const [old, older, fresh, done] = [await newRun(), await newRun(), await newRun(), await newRun()];
      for (const id of [old, older, fresh, done]) await execution.claim(id, `w-${id.slice(0, 4)}`);
      await db.dataSource.query(`UPDATE runs SET claimed_at = now() - interval '10 minutes' WHERE id = $1`, [
        old,
      ]);
      await db.dataSource.query(
        `UPDATE runs SET claimed_at = now() - interval '20 minutes' WHERE id = ANY($1)`,
        [[older, done]],
      );
      await execution.recordSuccess(done, 1, success());
      expect(await execution.findStaleRunning(5 * 60_000, 10)).toEqual([
        { runId: older, tenantId, attemptCount: 1, claimedBy: `w-${older.slice(0, 4)}`, batch: null },
        { runId: old, tenantId, attemptCount: 1, claimedBy: `w-${old.slice(0, 4)}`, batch: null },
      ]);
      expect(await execution.findStaleRunning(5 * 60_000, 1)).toHaveLength(1);
    });

    it('heartbeat keeps the claims this worker still holds fresh, and no one else’s', async () => {
      const [mine, theirs, finished] = [await newRun(), await newRun(), await newRun()];
      await execution.claim(mine, 'w-1');
      await execution.claim(theirs, 'w-2');
      await execution.claim(finished, 'w-1');
      await execution.recordSuccess(finished, 1, success());
      await db.dataSource.query(`UPDATE runs SET claimed_at = now() - interval '10 minutes'`);

      expect(await execution.heartbeat([mine, theirs, finished, 'not-a-uuid'], 'w-1')).toBe(1);
      expect(await execution.heartbeat([], 'w-1')).toBe(0);
      const stale = await execution.findStaleRunning(5 * 60_000, 10);
      expect(stale.map((run) => run.runId)).toEqual([theirs]);
    });

    it('findQueued lists queued runs and overdue retries, oldest first', async () => {
      const [queuedOld, , retryDue, retryLater] = [
        await newRun(),
        await newRun(),
        await newRun(),
        await newRun(),
        await newRun({ status: 'waiting' }),
      ];
      await db.dataSource.query(`UPDATE runs SET queued_at = now() - interval '5 minutes' WHERE id = $1`, [
        queuedOld,
      ]);
      for (const [id, retryAt] of [
        [retryDue, new Date(Date.now() - 60_000)],
        [retryLater, new Date(Date.now() + 60_000)],
      ] as const) {
        await execution.recordFailure(id, (await execution.claim(id, 'w'))!.attemptNumber, failure(), {
          retryAt,
        });
      }
      expect(await execution.findQueued(30_000, 10)).toEqual([
        { runId: queuedOld, tenantId, attemptCount: 0, batch: null },
        { runId: retryDue, tenantId, attemptCount: 1, batch: null },
      ]);
    });
  });

  it('getStatus reads the current status', async () => {
    const id = await newRun();
    expect(await execution.getStatus(id)).toBe('queued');
    await execution.claim(id, 'w');
    expect(await execution.getStatus(id)).toBe('running');
    expect(await execution.getStatus('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await execution.getStatus('x')).toBeNull();
  });
});
