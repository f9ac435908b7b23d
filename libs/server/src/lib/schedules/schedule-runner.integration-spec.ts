import { loadConfig } from '@gtr/config';
import {
  SchedulesRepository,
  TaskFilesRepository,
  TasksRepository,
  type CreateScheduleInput,
} from '@gtr/data';
import { type ScheduleFireView, type ScheduleTarget } from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { createLogger } from '@gtr/telemetry';
import { createTestDatabase, createTestTenant, type TestDatabase } from '@gtr/testing';
import { capturingLogger } from '../../../test/capturing-logger';
import { waitFor } from '../../../test/wait-for';
import { RUN_CONTROL_CHANNEL } from '../run-events';
import { type Runtime, createRuntime } from '../runtime';
import { ScheduleRunner } from './schedule-runner';

const T0 = new Date('2025-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const prompt: ScheduleTarget = { type: 'prompt', prompt: 'tick', metadata: { team: 'ops' } };

describe('ScheduleRunner', () => {
  let db: TestDatabase;
  let a: Runtime;
  let b: Runtime;
  let schedules: SchedulesRepository;
  let tenantId: string;
  const logs = capturingLogger('scheduler-spec', 'info');

  const runtimeOn = (url: string, logger = createLogger({ name: 'scheduler-spec', level: 'silent' })) =>
    createRuntime(
      loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', GTR_DATA_DIR: '/tmp/gtr-scheduler-spec-unused' }),
      {
        service: 'worker',
        migrate: false,
        logger,
      },
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two processes: each its own pool, queue and event bus, on one database.
    a = await runtimeOn(db.url, logs.logger);
    b = await runtimeOn(db.url);
    schedules = new SchedulesRepository(db.dataSource);
    tenantId = (await createTestTenant(db.dataSource)).id;
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE schedules, runs, tasks, batches, task_files CASCADE');
    logs.lines.length = 0;
  });

  function create(overrides: Partial<CreateScheduleInput> = {}) {
    return schedules.create(tenantId, {
      name: 'tick',
      timing: { cron: null, intervalMs: 1000, timezone: 'UTC' },
      target: prompt,
      enabled: true,
      overlapPolicy: 'allow',
      missedPolicy: 'skip',
      nextFireAt: T0,
      ...overrides,
    });
  }

  async function history(name = 'tick'): Promise<ScheduleFireView[]> {
    return (await schedules.history(tenantId, name, { limit: 100 }))!.data.reverse();
  }

  const finish = (runId: string) =>
    db.dataSource.query(`UPDATE runs SET status = 'succeeded' WHERE id = $1`, [runId]);

  it('starts exactly one run per fire time with two schedulers ticking at once', async () => {
    await create({ name: 'every-second' });
    await create({
      name: 'cron-seconds',
      timing: { cron: '* * * * * *', intervalMs: null, timezone: 'Europe/Berlin' },
    });
    const one = new ScheduleRunner(a);
    const other = new ScheduleRunner(b);
    // ~5 simulated seconds, each scheduler's clock a little off the other's.
    for (let second = 0; second <= 5; second++) {
      await Promise.all([one.tick(at(second * 1000 + 10)), other.tick(at(second * 1000 + 30))]);
    }
    const expected = Array.from({ length: 6 }, (_, i) => at(i * 1000).toISOString());
    for (const name of ['every-second', 'cron-seconds']) {
      const fires = await history(name);
      expect(fires.map((fire) => fire.dueAt)).toEqual(expected);
      expect(fires.every((fire) => fire.status === 'created' && fire.runId !== null)).toBe(true);
    }
    const runs: Array<{ id: string; due: string }> = await db.dataSource.query(
      `SELECT id, metadata->'schedule'->>'dueAt' AS due FROM runs ORDER BY created_at`,
    );
    expect(runs).toHaveLength(12);
    expect(new Set(runs.map((run) => `${run.due}`)).size).toBe(6);
    for (const run of runs) {
      const queued =
        (await a.queue.has(QueueName.Runs, run.id)) || (await b.queue.has(QueueName.Runs, run.id));
      expect(queued).toBe(true);
    }
  });

  it('creates the run as POST /v1/runs would, tagged with the schedule', async () => {
    const schedule = await create();
    const summary = await new ScheduleRunner(a).tick(at(200));
    expect(summary).toEqual({ due: 1, created: 1, skipped: 0, failed: 0, lost: 0, errors: 0 });
    const [run] = await db.dataSource.query('SELECT * FROM runs');
    expect(run).toMatchObject({
      status: 'queued',
      schedule_id: schedule.id,
      provider: 'dry-run',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'tick' }],
      max_attempts: 3,
      timeout_ms: 60_000,
      metadata: { team: 'ops', schedule: { id: schedule.id, name: 'tick', dueAt: T0.toISOString() } },
    });
    expect(await schedules.find(tenantId, 'tick')).toMatchObject({
      lastFireAt: T0.toISOString(),
      nextFireAt: at(1000).toISOString(),
    });
    expect(logs.text()).toContain('schedule fire created');
  });

  it('has nothing to do before the next fire time', async () => {
    await create({ nextFireAt: at(1000) });
    expect(await new ScheduleRunner(a).tick(at(999))).toEqual({
      due: 0,
      created: 0,
      skipped: 0,
      failed: 0,
      lost: 0,
      errors: 0,
    });
  });

  describe('overlap policy', () => {
    it('skip: records a skip while the previous run is unfinished, then runs again', async () => {
      await create({ overlapPolicy: 'skip' });
      const runner = new ScheduleRunner(a);
      await runner.tick(at(0));
      await runner.tick(at(1000));
      const [first, second] = await history();
      expect(second).toMatchObject({
        status: 'skipped',
        runId: null,
        reason: `previous run ${first.runId} is still queued (overlap policy: skip)`,
      });
      await finish(first.runId!);
      await runner.tick(at(2000));
      expect((await history())[2]).toMatchObject({ status: 'created', runId: expect.any(String) });
    });

    it('allow: starts a run each time', async () => {
      await create({ overlapPolicy: 'allow' });
      const runner = new ScheduleRunner(a);
      await runner.tick(at(0));
      await runner.tick(at(1000));
      const fires = await history();
      expect(fires.map((fire) => [fire.status, fire.runStatus])).toEqual([
        ['created', 'queued'],
        ['created', 'queued'],
      ]);
    });

    it('cancel_previous: cancels the unfinished run and tells the workers to abort it', async () => {
      await create({ overlapPolicy: 'cancel_previous' });
      const aborts: unknown[] = [];
      const unsubscribe = await a.events.subscribe(RUN_CONTROL_CHANNEL, (message) => aborts.push(message));
      try {
        const runner = new ScheduleRunner(a);
        await runner.tick(at(0));
        await runner.tick(at(1000));
        const [first, second] = await history();
        expect(first.runStatus).toBe('cancelled');
        expect(second).toMatchObject({ status: 'created', runStatus: 'queued' });
        const [cancelled] = await db.dataSource.query(
          'SELECT error_code, error_message FROM runs WHERE id = $1',
          [first.runId],
        );
        expect(cancelled).toEqual({
          error_code: 'E_CANCELLED',
          error_message: `Cancelled by schedule "tick": the fire of ${at(1000).toISOString()} started a new run (overlap policy: cancel_previous).`,
        });
        await waitFor(() => (aborts.length > 0 ? true : undefined), { timeoutMs: 2000 });
        expect(aborts).toEqual([{ type: 'run.cancel', runId: first.runId }]);
        await finish(second.runId!);
        await runner.tick(at(2000));
        expect((await history())[1].runStatus).toBe('succeeded');
      } finally {
        await unsubscribe();
      }
    });
  });

  describe('missed policy after downtime', () => {
    it('skip: records one skip for the fires missed beyond the grace', async () => {
      await create({ timing: { cron: '*/5 * * * *', intervalMs: null, timezone: 'UTC' } });
      await new ScheduleRunner(a).tick(at(60 * 60_000 + 61_000));
      expect(await history()).toEqual([
        expect.objectContaining({
          dueAt: at(60 * 60_000).toISOString(),
          status: 'skipped',
          reason:
            '13 fire times passed while no scheduler ran; the latest is more than 60s late (missed policy: skip)',
        }),
      ]);
      expect((await schedules.find(tenantId, 'tick'))!.nextFireAt).toBe(at(65 * 60_000).toISOString());
    });

    it('skip: still runs the latest fire within the grace, noting the skipped ones', async () => {
      await create({ timing: { cron: '*/5 * * * *', intervalMs: null, timezone: 'UTC' } });
      await new ScheduleRunner(a, { missedGraceMs: 30_000 }).tick(at(60 * 60_000 + 20_000));
      expect(await history()).toEqual([
        expect.objectContaining({
          status: 'created',
          reason: '12 earlier missed fire times skipped (missed policy: skip)',
        }),
      ]);
    });

    it('run_once: runs once for all the missed fires', async () => {
      await create({ missedPolicy: 'run_once', timing: { cron: null, intervalMs: 60_000, timezone: 'UTC' } });
      await new ScheduleRunner(a).tick(at(10 * 60_000 + 30_000));
      expect(await history()).toEqual([
        expect.objectContaining({
          dueAt: at(10 * 60_000).toISOString(),
          status: 'created',
          reason: 'runs once for 10 earlier missed fire times too (missed policy: run_once)',
        }),
      ]);
    });
  });

  describe('targets', () => {
    beforeEach(async () => {
      await new TasksRepository(db.dataSource).create(tenantId, 'greet', {
        description: null,
        messages: [{ role: 'user', content: 'Hello {{name}}' }],
        provider: null,
        model: 'dry-run-greeter',
        params: { temperature: 0 },
        outputSchema: null,
        retryPolicy: { maxAttempts: 5 },
        timeoutMs: 5000,
        tags: [],
      });
    });

    it('runs a task rendered with the fixed input', async () => {
      await create({ target: { type: 'task', task: 'greet', input: { name: 'Ada' } } });
      await new ScheduleRunner(a).tick(at(0));
      const [run] = await db.dataSource.query('SELECT * FROM runs');
      expect(run).toMatchObject({
        task_version: 1,
        model: 'dry-run-greeter',
        messages: [{ role: 'user', content: 'Hello Ada' }],
        input: { name: 'Ada' },
        params: { temperature: 0 },
        max_attempts: 5,
        timeout_ms: 5000,
      });
      expect(run.task_id).toEqual(expect.any(String));
    });

    it.each([
      [{ type: 'task', task: 'missing', input: {} }, 'E_NOT_FOUND: No task named "missing".'],
      [{ type: 'task', task: 'greet', version: 9, input: {} }, 'E_NOT_FOUND: Task "greet" has no version 9.'],
      [{ type: 'task', task: 'greet', input: {} }, 'E_INPUT: Missing input variable: name'],
      [
        { type: 'prompt', prompt: 'x', provider: 'nope' },
        'E_VALIDATION: Unknown provider "nope"; this process knows dry-run.',
      ],
      [
        { type: 'batch', taskFile: '00000000-0000-4000-8000-000000000000' },
        'E_NOT_FOUND: Task file 00000000-0000-4000-8000-000000000000 (target.taskFile) no longer exists',
      ],
      [{ type: 'workflow' }, 'E_VALIDATION: Cannot start this schedule: unknown target type "workflow".'],
      [{}, 'E_VALIDATION: Cannot start this schedule: unknown target type null.'],
    ] as Array<[ScheduleTarget, string]>)(
      'records a failed fire for %j and moves on',
      async (target, reason) => {
        await create({ target });
        const runner = new ScheduleRunner(a);
        expect(await runner.tick(at(0))).toMatchObject({ failed: 1, errors: 0 });
        const [fire] = await history();
        expect(fire).toMatchObject({ status: 'failed', runId: null });
        expect(fire.reason).toContain(reason);
        expect((await schedules.find(tenantId, 'tick'))!.nextFireAt).toBe(at(1000).toISOString());
        expect(logs.text()).toContain('schedule fire failed');
      },
    );
  });

  describe('batch targets', () => {
    let files: TaskFilesRepository;
    const storeRows = async (rows: object[], task: string | null = null) =>
      (
        await files.store(
          tenantId,
          { name: 'rows.jsonl', format: 'jsonl', taskName: task, bytes: 10 },
          (async function* () {
            yield* rows;
          })(),
        )
      ).id;
    const adhoc = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        row: i + 1,
        id: `r${i + 1}`,
        messages: [{ role: 'user', content: `row ${i + 1}` }],
      }));
    const batchRuns = (
      batchId: string,
    ): Promise<
      Array<{
        id: string;
        status: string;
        schedule_id: string;
        metadata: Record<string, unknown>;
        messages: unknown;
      }>
    > => db.dataSource.query('SELECT * FROM runs WHERE batch_id = $1 ORDER BY batch_row', [batchId]);
    const finishBatch = (batchId: string) =>
      db.dataSource.query(`UPDATE runs SET status = 'succeeded' WHERE batch_id = $1`, [batchId]);

    beforeAll(() => {
      files = new TaskFilesRepository(db.dataSource);
    });

    it('creates a batch of the stored rows at each fire, linked in the history and enqueued', async () => {
      const taskFile = await storeRows(adhoc(3));
      const schedule = await create({ target: { type: 'batch', taskFile, options: { priority: 7 } } });
      expect(await new ScheduleRunner(a).tick(at(0))).toMatchObject({ created: 1, failed: 0 });
      const [fire] = await history();
      expect(fire).toMatchObject({
        status: 'created',
        runId: null,
        batchId: expect.any(String),
        batchStatus: 'queued',
      });
      const runs = await batchRuns(fire.batchId!);
      expect(runs.map((run) => run.messages)).toEqual(
        [1, 2, 3].map((i) => [{ role: 'user', content: `row ${i}` }]),
      );
      for (const run of runs) {
        expect(run).toMatchObject({ status: 'queued', schedule_id: schedule.id });
        expect(run.metadata).toEqual({
          schedule: { id: schedule.id, name: 'tick', dueAt: T0.toISOString() },
        });
        expect(await a.queue.has(QueueName.Runs, run.id)).toBe(true);
      }
      const [batch] = await db.dataSource.query('SELECT name, priority, idempotency_key FROM batches');
      expect(batch).toEqual({
        name: `tick ${T0.toISOString()}`,
        priority: 7,
        idempotency_key: `schedule:${schedule.id}:${T0.toISOString()}`,
      });
    });

    it('renders rows with the task the file was checked against', async () => {
      await new TasksRepository(db.dataSource).create(tenantId, 'greet', {
        description: null,
        messages: [{ role: 'user', content: 'Hello {{name}}' }],
        provider: null,
        model: null,
        params: {},
        outputSchema: null,
        retryPolicy: {},
        timeoutMs: null,
        tags: [],
      });
      const taskFile = await storeRows([{ row: 2, id: 'a', variables: { name: 'Ada' } }], 'greet');
      await create({ target: { type: 'batch', taskFile } });
      await new ScheduleRunner(a).tick(at(0));
      const [fire] = await history();
      expect((await batchRuns(fire.batchId!)).map((run) => run.messages)).toEqual([
        [{ role: 'user', content: 'Hello Ada' }],
      ]);
    });

    it('makes one batch for a fire handled by two schedulers at once', async () => {
      await create({ target: { type: 'batch', taskFile: await storeRows(adhoc(50)) } });
      const results = await Promise.all([
        new ScheduleRunner(a).tick(at(0)),
        new ScheduleRunner(b).tick(at(5)),
      ]);
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(1);
      expect(await db.dataSource.query('SELECT count(*)::int AS n FROM batches')).toEqual([{ n: 1 }]);
      expect(await db.dataSource.query('SELECT count(*)::int AS n FROM runs')).toEqual([{ n: 50 }]);
    });

    it("skip: records a skip while the previous fire's batch is unfinished", async () => {
      await create({ overlapPolicy: 'skip', target: { type: 'batch', taskFile: await storeRows(adhoc(2)) } });
      const runner = new ScheduleRunner(a);
      await runner.tick(at(0));
      await runner.tick(at(1000));
      const [first, second] = await history();
      expect(second).toMatchObject({
        status: 'skipped',
        batchId: null,
        reason: `previous batch ${first.batchId} is still unfinished (overlap policy: skip)`,
      });
      await finishBatch(first.batchId!);
      await runner.tick(at(2000));
      expect((await history())[0].batchStatus).toBe('succeeded');
      expect((await history())[2]).toMatchObject({ status: 'created', batchStatus: 'queued' });
    });

    it('cancel_previous: cancels the unfinished batch once the new one exists', async () => {
      await create({
        overlapPolicy: 'cancel_previous',
        target: { type: 'batch', taskFile: await storeRows(adhoc(2)) },
      });
      const runner = new ScheduleRunner(a);
      await runner.tick(at(0));
      await runner.tick(at(1000));
      const [first, second] = await history();
      expect(first.batchStatus).toBe('cancelled');
      expect(second).toMatchObject({
        status: 'created',
        batchStatus: 'queued',
        reason: `cancelled unfinished batch ${first.batchId} (overlap policy: cancel_previous)`,
      });
    });

    it('fails the fire when the target names a task the file was not checked against', async () => {
      await create({ target: { type: 'batch', taskFile: await storeRows(adhoc(1)), task: 'greet' } });
      expect(await new ScheduleRunner(a).tick(at(0))).toMatchObject({ failed: 1 });
      expect((await history())[0].reason).toContain(
        'was checked against no task (ad-hoc rows), not task "greet"',
      );
    });

    it('cancel_previous: asks the workers to abort the running runs of the previous batch', async () => {
      await create({
        overlapPolicy: 'cancel_previous',
        target: { type: 'batch', taskFile: await storeRows(adhoc(2)) },
      });
      const aborts: unknown[] = [];
      const unsubscribe = await a.events.subscribe(RUN_CONTROL_CHANNEL, (message) => aborts.push(message));
      try {
        const runner = new ScheduleRunner(a);
        await runner.tick(at(0));
        const [first] = await history();
        const [running] = await batchRuns(first.batchId!);
        await db.dataSource.query(`UPDATE runs SET status = 'running' WHERE id = $1`, [running.id]);
        await runner.tick(at(1000));
        await waitFor(() => (aborts.length > 0 ? true : undefined), { timeoutMs: 2000 });
        expect(aborts).toEqual([{ type: 'run.cancel', runId: running.id }]);
      } finally {
        await unsubscribe();
      }
    });

    it('fails the fire naming row and field when a row no longer renders, and stores no batch', async () => {
      const tasks = new TasksRepository(db.dataSource);
      const definition = {
        description: null,
        messages: [{ role: 'user' as const, content: 'Hello {{name}}' }],
        provider: null,
        model: null,
        params: {},
        outputSchema: null,
        retryPolicy: {},
        timeoutMs: null,
        tags: [],
      };
      await tasks.create(tenantId, 'greet', definition);
      const taskFile = await storeRows([{ row: 2, id: 'a', variables: { name: 'Ada' } }], 'greet');
      await tasks.update(tenantId, 'greet', (current) => ({
        ...definition,
        messages: [{ role: 'user', content: `${current.messages[0].content} from {{city}}` }],
      }));
      await create({ target: { type: 'batch', taskFile } });
      expect(await new ScheduleRunner(a).tick(at(0))).toMatchObject({ failed: 1 });
      const [fire] = await history();
      expect(fire.status).toBe('failed');
      expect(fire.reason).toContain('E_VALIDATION: 1 of 1 rows are invalid: row 2, input.city is missing');
      expect(await db.dataSource.query('SELECT count(*)::int AS n FROM batches')).toEqual([{ n: 0 }]);
    });
  });

  describe('history retention', () => {
    const retaining = (keep: number, days: number) =>
      new ScheduleRunner({
        ...a,
        config: { ...a.config, GTR_SCHEDULE_HISTORY_KEEP: keep, GTR_SCHEDULE_HISTORY_DAYS: days },
      });

    it("keeps the newest fires per schedule and never an unfinished run's", async () => {
      await create({ overlapPolicy: 'allow' });
      await create({ name: 'other', overlapPolicy: 'allow' });
      const runner = retaining(2, 0);
      for (let second = 0; second < 5; second++) await runner.tick(at(second * 1000));
      // Every run is still queued: nothing may go.
      expect(await runner.purgeHistory()).toBe(0);
      await db.dataSource.query(`UPDATE runs SET status = 'succeeded'`);
      expect(await runner.purgeHistory()).toBe(6);
      expect((await history()).map((fire) => fire.dueAt)).toEqual(
        [at(3000), at(4000)].map((d) => d.toISOString()),
      );
      expect(await history('other')).toHaveLength(2);
      expect(await runner.purgeHistory()).toBe(0);
    });

    it("drops fires older than the age limit but keeps each schedule's latest", async () => {
      await create({ overlapPolicy: 'allow' });
      const runner = retaining(0, 1);
      for (let second = 0; second < 3; second++) await runner.tick(at(second * 1000));
      await db.dataSource.query(`UPDATE runs SET status = 'succeeded'`);
      expect(await runner.purgeHistory(at(2000))).toBe(0);
      expect(await runner.purgeHistory(new Date(T0.getTime() + 2 * 86_400_000))).toBe(2);
      expect((await history()).map((fire) => fire.dueAt)).toEqual([at(2000).toISOString()]);
    });

    it('purges on the first tick and then every interval', async () => {
      await create({ overlapPolicy: 'allow' });
      const spy = jest.spyOn(ScheduleRunner.prototype, 'purgeHistory');
      try {
        const runner = new ScheduleRunner(a, { historyPurgeIntervalMs: 60_000 });
        await runner.tick(at(0));
        await runner.tick(at(1000));
        await runner.tick(at(61_000));
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });
  });

  it('stops a schedule whose stored timing no longer reads, recording why', async () => {
    await create();
    await db.dataSource.query(`UPDATE schedules SET cron = '61 * * * *', interval_ms = NULL`);
    await new ScheduleRunner(a).tick(at(0));
    const [fire] = await history();
    expect(fire.status).toBe('failed');
    expect(fire.reason).toContain('minute 61 out of range 0-59');
    expect(fire.reason).toContain('The schedule stops until its timing is fixed.');
    expect((await schedules.find(tenantId, 'tick'))!.nextFireAt).toBeNull();
  });

  it('applies changes between ticks without a restart', async () => {
    await create();
    const runner = new ScheduleRunner(a);
    await runner.tick(at(0));
    await schedules.setEnabled(tenantId, 'tick', false, null);
    expect((await runner.tick(at(1000))).due).toBe(0);
    await schedules.update(tenantId, 'tick', {
      enabled: true,
      timing: { cron: null, intervalMs: 5000, timezone: 'UTC' },
      nextFireAt: at(5000),
    });
    expect((await runner.tick(at(4000))).due).toBe(0);
    expect(await runner.tick(at(5000))).toMatchObject({ created: 1 });
    expect((await history()).map((fire) => fire.dueAt)).toEqual([
      at(0).toISOString(),
      at(5000).toISOString(),
    ]);
  });

  it('keeps the run when the enqueue fails (the reconciler enqueues it) and retries unexpected errors next tick', async () => {
    await create();
    const broken = { ...a, queue: { ...a.queue, add: () => Promise.reject(new Error('redis down')) } };
    expect(await new ScheduleRunner(broken).tick(at(0))).toMatchObject({ created: 1 });
    expect(logs.text()).toContain('enqueue failed; the reconciler will retry');

    const failing = new ScheduleRunner(a, {
      tasks: { plan: () => Promise.reject(new Error('connection reset')) },
    });
    await schedules.update(tenantId, 'tick', { target: { type: 'task', task: 'greet', input: {} } });
    expect(await failing.tick(at(1000))).toMatchObject({ errors: 1, created: 0 });
    expect((await schedules.find(tenantId, 'tick'))!.nextFireAt).toBe(at(1000).toISOString());
    expect(logs.text()).toContain('schedule fire failed; retrying next tick');
  });

  it('ticks on its own between start and stop, with the real clock', async () => {
    await create({ nextFireAt: new Date(Date.now() - 100) });
    const runner = new ScheduleRunner(a, { intervalMs: 100 });
    runner.start();
    runner.start();
    expect(runner.running).toBe(true);
    try {
      await waitFor(async () => ((await history()).length > 0 ? true : undefined), { timeoutMs: 3000 });
    } finally {
      await runner.stop();
    }
    expect(runner.running).toBe(false);
    expect((await history())[0].status).toBe('created');
    expect(logs.text()).toContain('scheduler started');
  });

  it('logs a tick that fails as a whole and keeps ticking', async () => {
    const runner = new ScheduleRunner(a, {
      intervalMs: 50,
      now: () => {
        throw new Error('clock broke');
      },
    });
    runner.start();
    try {
      await waitFor(() => (logs.text().includes('scheduler tick failed') ? true : undefined), {
        timeoutMs: 2000,
      });
    } finally {
      await runner.stop();
    }
  });
});
