import { type DataSource } from 'typeorm';
import { makeRunInput } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';
import { BatchesRepository } from '../batches/batches.repository';
import { createDataSource } from '../data-source/create-data-source';
import { TenantsRepository } from '../tenants/tenants.repository';
import { type CreateScheduleInput } from './create-schedule-input';
import { OVERLAP_LOOKBACK, ScheduleFiringRepository } from './schedule-firing.repository';
import { SchedulesRepository } from './schedules.repository';

const T0 = new Date('2025-01-01T00:00:00Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);

function input(overrides: Partial<CreateScheduleInput> = {}): CreateScheduleInput {
  return {
    name: 'every-second',
    timing: { cron: null, intervalMs: 1000, timezone: 'UTC' },
    target: { type: 'prompt', prompt: 'tick' },
    enabled: true,
    overlapPolicy: 'allow',
    missedPolicy: 'skip',
    nextFireAt: T0,
    ...overrides,
  };
}

describe('ScheduleFiringRepository', () => {
  let db: TestDatabase;
  let schedules: SchedulesRepository;
  let firing: ScheduleFiringRepository;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    schedules = new SchedulesRepository(db.dataSource);
    firing = new ScheduleFiringRepository(db.dataSource);
    tenantId = (await new TenantsRepository(db.dataSource).ensureTenant('acme')).id;
  });

  afterAll(async () => {
    await db.drop();
  });

  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE schedules, runs, batches CASCADE');
  });

  const fireAt = (
    scheduleId: string,
    due: Date,
    outcome: Parameters<ScheduleFiringRepository['fire']>[0]['outcome'],
  ) =>
    firing.fire({
      scheduleId,
      tenantId,
      expectedNextFireAt: due,
      nextFireAt: plus(due.getTime() - T0.getTime() + 1000),
      dueAt: due,
      firedAt: due,
      outcome,
    });

  const batchOf = async (runs: number) =>
    (
      await new BatchesRepository(db.dataSource).createWithRuns(
        tenantId,
        {},
        Array.from({ length: runs }, () => makeRunInput()),
      )
    ).batchId;

  describe('findDue', () => {
    it('finds enabled schedules whose next fire time has come, earliest first, up to the limit', async () => {
      await schedules.create(tenantId, input({ name: 'later', nextFireAt: plus(5000) }));
      await schedules.create(tenantId, input({ name: 'b', nextFireAt: plus(2000) }));
      await schedules.create(tenantId, input({ name: 'a', nextFireAt: plus(1000) }));
      await schedules.create(tenantId, input({ name: 'off', enabled: false, nextFireAt: T0 }));
      await schedules.create(tenantId, input({ name: 'never', nextFireAt: null }));
      const due = await firing.findDue(plus(2000), 10);
      expect(due.map((s) => s.name)).toEqual(['a', 'b']);
      expect(due[0]).toEqual({
        id: expect.any(String),
        tenantId,
        name: 'a',
        cron: null,
        intervalMs: 1000,
        timezone: 'UTC',
        target: { type: 'prompt', prompt: 'tick' },
        overlapPolicy: 'allow',
        missedPolicy: 'skip',
        nextFireAt: plus(1000),
      });
      expect((await firing.findDue(plus(2000), 1)).map((s) => s.name)).toEqual(['a']);
    });

    it('is served by the (enabled, next_fire_at) index on a realistic number of schedules', async () => {
      await db.dataSource.query(
        `INSERT INTO schedules (tenant_id, name, interval_ms, target, enabled, next_fire_at)
         SELECT $1, 'bulk-' || i, 60000, '{"type":"prompt","prompt":"x"}', i % 10 <> 0,
                $2::timestamptz + (i || ' seconds')::interval
           FROM generate_series(1, 20000) AS i`,
        [tenantId, T0],
      );
      await db.dataSource.query('ANALYZE schedules');
      const plan: Array<{ 'QUERY PLAN': string }> = await db.dataSource.query(
        `EXPLAIN SELECT * FROM schedules WHERE enabled = true AND next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2`,
        [plus(30_000), 100],
      );
      const text = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan using "IDX_schedules_due" on schedules/);
      expect(text).not.toMatch(/Seq Scan/);
      expect(await firing.findDue(plus(30_000), 100)).toHaveLength(27);
    });
  });

  describe('claimDueFire', () => {
    it('lets exactly one of 10 concurrent claimers win, fire time after fire time', async () => {
      const schedule = await schedules.create(tenantId, input());
      // A pool of its own, so all ten updates are in flight on ten connections at once.
      const wide: DataSource = createDataSource({ url: db.url, poolSize: 10 });
      await wide.initialize();
      try {
        const claimers = Array.from({ length: 10 }, () => new ScheduleFiringRepository(wide));
        for (let round = 0; round < 10; round++) {
          const due = plus(round * 1000);
          const results = await Promise.all(
            claimers.map((claimer) =>
              claimer.claimDueFire({
                scheduleId: schedule.id,
                expectedNextFireAt: due,
                nextFireAt: plus(round * 1000 + 1000),
                dueAt: due,
              }),
            ),
          );
          expect(results.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await wide.destroy();
      }
      expect(await schedules.find(tenantId, schedule.name)).toMatchObject({
        lastFireAt: plus(9000).toISOString(),
        nextFireAt: plus(10_000).toISOString(),
      });
    });

    it('fails for a stale next fire time, a disabled schedule, or a timing edited since it was read', async () => {
      const schedule = await schedules.create(tenantId, input());
      const claim = {
        scheduleId: schedule.id,
        expectedNextFireAt: plus(1000),
        nextFireAt: plus(2000),
        dueAt: plus(1000),
      };
      expect(await firing.claimDueFire(claim)).toBe(false);
      const timing = { cron: null, intervalMs: 1000, timezone: 'UTC' };
      expect(
        await firing.claimDueFire({
          ...claim,
          expectedNextFireAt: T0,
          timing: { ...timing, intervalMs: 2000 },
        }),
      ).toBe(false);
      expect(
        await firing.claimDueFire({
          ...claim,
          expectedNextFireAt: T0,
          timing: { ...timing, timezone: 'Asia/Tokyo' },
        }),
      ).toBe(false);
      expect(await firing.claimDueFire({ ...claim, expectedNextFireAt: T0, timing })).toBe(true);
      await schedules.setEnabled(tenantId, schedule.name, false, null);
      await db.dataSource.query('UPDATE schedules SET next_fire_at = $1', [plus(2000)]);
      expect(await firing.claimDueFire({ ...claim, expectedNextFireAt: plus(2000) })).toBe(false);
    });
  });

  describe('fire', () => {
    it('creates the run and records the fire in one transaction', async () => {
      const schedule = await schedules.create(tenantId, input());
      const result = await fireAt(schedule.id, T0, {
        status: 'created',
        run: makeRunInput({ metadata: { a: 1 } }),
        reason: 'caught up 2 missed fire times',
      });
      if (result.outcome !== 'fired') throw new Error(`expected a fire, got ${result.outcome}`);
      expect(result.run).toMatchObject({ status: 'queued', metadata: { a: 1 } });
      expect(result.fire).toEqual({
        id: expect.any(String),
        dueAt: T0.toISOString(),
        firedAt: T0.toISOString(),
        status: 'created',
        runId: result.run!.id,
        runStatus: 'queued',
        batchId: null,
        batchStatus: null,
        reason: 'caught up 2 missed fire times',
      });
      const [run] = await db.dataSource.query('SELECT schedule_id FROM runs WHERE id = $1', [result.run!.id]);
      expect(run.schedule_id).toBe(schedule.id);
      expect(result.cancelled).toEqual([]);
    });

    it('records a skip or a failure without a run', async () => {
      const schedule = await schedules.create(tenantId, input());
      expect(
        await fireAt(schedule.id, T0, { status: 'skipped', reason: 'previous run still running' }),
      ).toMatchObject({
        outcome: 'fired',
        run: null,
        fire: { status: 'skipped', runId: null, reason: 'previous run still running' },
      });
      expect(
        await fireAt(schedule.id, plus(1000), { status: 'failed', reason: 'no such task' }),
      ).toMatchObject({
        outcome: 'fired',
        fire: { status: 'failed' },
      });
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM runs');
      expect(n).toBe(0);
    });

    it('does nothing when another scheduler claimed the fire time first', async () => {
      const schedule = await schedules.create(tenantId, input());
      expect((await fireAt(schedule.id, T0, { status: 'created', run: makeRunInput() })).outcome).toBe(
        'fired',
      );
      expect(await fireAt(schedule.id, T0, { status: 'created', run: makeRunInput() })).toEqual({
        outcome: 'lost',
      });
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM runs');
      expect(n).toBe(1);
    });

    it('moves on without a second run when a fire time was handled before (the unique guard)', async () => {
      const schedule = await schedules.create(tenantId, input());
      await fireAt(schedule.id, T0, { status: 'created', run: makeRunInput() });
      // The schedule is set back to a fire time it already handled, e.g. by an edit.
      await db.dataSource.query('UPDATE schedules SET next_fire_at = $1', [T0]);
      expect(await fireAt(schedule.id, T0, { status: 'created', run: makeRunInput() })).toEqual({
        outcome: 'duplicate',
      });
      const [row] = await db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM runs) AS runs, (SELECT count(*)::int FROM schedule_fires) AS fires,
                (SELECT next_fire_at FROM schedules) AS next`,
      );
      expect(row).toEqual({ runs: 1, fires: 1, next: plus(1000) });
    });

    it('rolls everything back when the run cannot be inserted', async () => {
      const schedule = await schedules.create(tenantId, input());
      await expect(
        fireAt(schedule.id, T0, {
          status: 'created',
          run: makeRunInput({ timeoutMs: null as unknown as number }),
        }),
      ).rejects.toThrow();
      const [row] = await db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM schedule_fires) AS fires, (SELECT next_fire_at FROM schedules) AS next`,
      );
      expect(row).toEqual({ fires: 0, next: T0 });
    });

    it('cancels the unfinished previous runs in the same transaction', async () => {
      const schedule = await schedules.create(tenantId, input());
      const first = await fireAt(schedule.id, T0, { status: 'created', run: makeRunInput() });
      const second = await fireAt(schedule.id, plus(1000), { status: 'created', run: makeRunInput() });
      const firstId = first.outcome === 'fired' ? first.run!.id : '';
      const secondId = second.outcome === 'fired' ? second.run!.id : '';
      await db.dataSource.query(`UPDATE runs SET status = 'succeeded' WHERE id = $1`, [firstId]);
      expect(await firing.activeRuns(schedule.id)).toEqual([{ id: secondId, status: 'queued' }]);

      const third = await fireAt(schedule.id, plus(2000), {
        status: 'created',
        run: makeRunInput(),
        cancel: {
          runIds: [firstId, secondId],
          message: 'Cancelled by schedule "every-second": a newer fire started.',
        },
      });
      if (third.outcome !== 'fired') throw new Error('expected a fire');
      expect(third.cancelled).toMatchObject([
        {
          id: secondId,
          status: 'cancelled',
          error: {
            code: 'E_CANCELLED',
            message: 'Cancelled by schedule "every-second": a newer fire started.',
          },
        },
      ]);
      expect(await firing.activeRuns(schedule.id)).toEqual([{ id: third.run!.id, status: 'queued' }]);
      const [{ status }] = await db.dataSource.query('SELECT status FROM runs WHERE id = $1', [firstId]);
      expect(status).toBe('succeeded');
    });

    it('cancels nothing for an empty list', async () => {
      const schedule = await schedules.create(tenantId, input());
      const result = await fireAt(schedule.id, T0, {
        status: 'created',
        run: makeRunInput(),
        cancel: { runIds: [], message: 'x' },
      });
      expect(result).toMatchObject({ outcome: 'fired', cancelled: [] });
    });
  });

  describe('activeRuns', () => {
    it('looks only at the latest runs, past skipped fires, newest first', async () => {
      const schedule = await schedules.create(tenantId, input());
      let due = 0;
      const ids: string[] = [];
      for (let i = 0; i < OVERLAP_LOOKBACK + 2; i++) {
        const result = await fireAt(schedule.id, plus(due), { status: 'created', run: makeRunInput() });
        ids.push(result.outcome === 'fired' ? result.run!.id : '');
        due += 1000;
        await fireAt(schedule.id, plus(due), { status: 'skipped', reason: 'overlap' });
        due += 1000;
      }
      const active = await firing.activeRuns(schedule.id);
      expect(active).toHaveLength(OVERLAP_LOOKBACK);
      expect(active[0].id).toBe(ids[ids.length - 1]);
      expect(active.map((run) => run.id)).not.toContain(ids[0]);
    });
  });

  describe('batch fires', () => {
    it('links the batch a fire created, and finds the unfinished ones newest first', async () => {
      const schedule = await schedules.create(tenantId, input());
      const done = await batchOf(1);
      const busy = await batchOf(2);
      const first = await fireAt(schedule.id, T0, { status: 'created', batchId: done });
      const second = await fireAt(schedule.id, plus(1000), { status: 'created', batchId: busy, reason: 'r' });
      if (first.outcome !== 'fired' || second.outcome !== 'fired') throw new Error('expected fires');
      expect(second.fire).toMatchObject({ batchId: busy, batchStatus: 'queued', runId: null, reason: 'r' });
      expect(second.run).toBeNull();
      await db.dataSource.query(`UPDATE runs SET status = 'succeeded' WHERE batch_id = $1`, [done]);
      expect(await firing.activeBatches(schedule.id)).toEqual([busy]);
      const history = await schedules.history(tenantId, 'every-second', { limit: 10 });
      expect(history!.data.map((fire) => [fire.batchId, fire.batchStatus])).toEqual([
        [busy, 'queued'],
        [done, 'succeeded'],
      ]);
    });
  });

  describe('purgeHistory', () => {
    it('does nothing without a limit', async () => {
      expect(await firing.purgeHistory({ keepLast: null, olderThan: null, limit: 10 })).toBe(0);
    });

    it('keeps the newest fires per schedule and never an unfinished batch, at most `limit` per call', async () => {
      const schedule = await schedules.create(tenantId, input());
      const busy = await batchOf(1);
      await fireAt(schedule.id, T0, { status: 'created', batchId: busy });
      for (let i = 1; i <= 4; i++)
        await fireAt(schedule.id, plus(i * 1000), { status: 'skipped', reason: 'x' });
      expect(await firing.purgeHistory({ keepLast: 1, olderThan: null, limit: 2 })).toBe(2);
      expect(await firing.purgeHistory({ keepLast: 1, olderThan: null, limit: 10 })).toBe(1);
      const left = await schedules.history(tenantId, 'every-second', { limit: 10 });
      expect(left!.data.map((fire) => fire.dueAt)).toEqual([plus(4000), T0].map((d) => d.toISOString()));
      await db.dataSource.query(`UPDATE runs SET status = 'failed' WHERE batch_id = $1`, [busy]);
      expect(await firing.purgeHistory({ keepLast: null, olderThan: plus(500), limit: 10 })).toBe(1);
    });
  });
});
