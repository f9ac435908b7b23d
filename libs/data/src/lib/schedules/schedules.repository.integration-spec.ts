import { GtrError, type ScheduleTarget } from '@gtr/domain';
import { makeRunInput } from '../../../test/factories';
import { type TestDatabase } from '../../../test/test-database';
import { useTenantDatabase } from '../../../test/tenant-database';
import { type CreateScheduleInput } from './create-schedule-input';
import { ScheduleFiringRepository } from './schedule-firing.repository';
import { SchedulesRepository } from './schedules.repository';

const target: ScheduleTarget = { type: 'prompt', prompt: 'Say hi' };

function input(overrides: Partial<CreateScheduleInput> = {}): CreateScheduleInput {
  return {
    name: 'nightly',
    timing: { cron: '30 2 * * *', intervalMs: null, timezone: 'Europe/Berlin' },
    target,
    enabled: true,
    overlapPolicy: 'skip',
    missedPolicy: 'run_once',
    nextFireAt: new Date('2025-01-02T01:30:00Z'),
    ...overrides,
  };
}

describe('SchedulesRepository', () => {
  let db: TestDatabase;
  let schedules: SchedulesRepository;
  let firing: ScheduleFiringRepository;
  let tenantId: string;
  let otherTenantId: string;

  useTenantDatabase('schedules, runs CASCADE', (ctx) => {
    ({ db, tenantId, otherTenantId } = ctx);
    schedules = new SchedulesRepository(db.dataSource);
    firing = new ScheduleFiringRepository(db.dataSource);
  });

  it('creates a schedule and reads it back by name', async () => {
    const created = await schedules.create(tenantId, input());
    expect(created).toEqual({
      id: expect.any(String),
      name: 'nightly',
      cron: '30 2 * * *',
      every: null,
      timezone: 'Europe/Berlin',
      target,
      enabled: true,
      overlapPolicy: 'skip',
      missedPolicy: 'run_once',
      lastFireAt: null,
      nextFireAt: '2025-01-02T01:30:00.000Z',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await schedules.find(tenantId, 'nightly')).toEqual(created);
  });

  it('shows an interval schedule with its canonical interval', async () => {
    const created = await schedules.create(
      tenantId,
      input({ name: 'often', timing: { cron: null, intervalMs: 5_400_000, timezone: 'UTC' } }),
    );
    expect(created).toMatchObject({ cron: null, every: '1h30m' });
  });

  it('refuses a second schedule with the same name in a tenant, not in another', async () => {
    await schedules.create(tenantId, input());
    await expect(schedules.create(tenantId, input())).rejects.toThrow(GtrError);
    await expect(schedules.create(tenantId, input())).rejects.toMatchObject({ code: 'E_CONFLICT' });
    await expect(schedules.create(otherTenantId, input())).resolves.toMatchObject({ name: 'nightly' });
  });

  it('never shows, changes or deletes another tenant’s schedule', async () => {
    await schedules.create(otherTenantId, input());
    expect(await schedules.find(tenantId, 'nightly')).toBeNull();
    expect(await schedules.update(tenantId, 'nightly', { enabled: false })).toBeNull();
    expect(await schedules.delete(tenantId, 'nightly')).toBe(false);
    expect(await schedules.history(tenantId, 'nightly', { limit: 10 })).toBeNull();
    expect((await schedules.list(tenantId, { limit: 10 })).data).toEqual([]);
    expect(await schedules.find('not-a-uuid', 'nightly')).toBeNull();
    expect(await schedules.update('not-a-uuid', 'nightly', { enabled: false })).toBeNull();
    expect(await schedules.delete('not-a-uuid', 'nightly')).toBe(false);
    expect(await schedules.history('not-a-uuid', 'nightly', { limit: 10 })).toBeNull();
    expect(await schedules.list('not-a-uuid', { limit: 10 })).toEqual({ data: [], nextCursor: null });
    expect(await schedules.find(otherTenantId, 'nightly')).not.toBeNull();
  });

  it('lists by name, a page at a time', async () => {
    for (const name of ['c', 'a', 'b']) await schedules.create(tenantId, input({ name }));
    const first = await schedules.list(tenantId, { limit: 2 });
    expect(first.data.map((s) => s.name)).toEqual(['a', 'b']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await schedules.list(tenantId, { limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ data: [{ name: 'c' }], nextCursor: null });
    await expect(schedules.list(tenantId, { limit: 2, cursor: 'garbage' })).rejects.toMatchObject({
      code: 'E_VALIDATION',
      issues: [{ field: 'cursor', message: 'is not a cursor from a previous page' }],
    });
  });

  it('updates only the given fields and marks the change', async () => {
    const created = await schedules.create(tenantId, input());
    const updated = await schedules.update(tenantId, 'nightly', {
      timing: { cron: null, intervalMs: 60_000, timezone: 'UTC' },
      target: { type: 'task', task: 'digest', input: { a: 1 } },
      overlapPolicy: 'allow',
      nextFireAt: new Date('2025-01-01T00:01:00Z'),
    });
    expect(updated).toMatchObject({
      cron: null,
      every: '1m',
      timezone: 'UTC',
      target: { type: 'task', task: 'digest', input: { a: 1 } },
      overlapPolicy: 'allow',
      missedPolicy: 'run_once',
      enabled: true,
      nextFireAt: '2025-01-01T00:01:00.000Z',
    });
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    expect(await schedules.update(tenantId, 'nightly', { missedPolicy: 'skip' })).toMatchObject({
      missedPolicy: 'skip',
      nextFireAt: '2025-01-01T00:01:00.000Z',
    });
  });

  it('disables (no next fire time) and enables from a given time', async () => {
    await schedules.create(tenantId, input());
    expect(await schedules.setEnabled(tenantId, 'nightly', false, new Date())).toMatchObject({
      enabled: false,
      nextFireAt: null,
    });
    expect(
      await schedules.setEnabled(tenantId, 'nightly', true, new Date('2025-02-01T01:30:00Z')),
    ).toMatchObject({
      enabled: true,
      nextFireAt: '2025-02-01T01:30:00.000Z',
    });
  });

  it('deletes a schedule with its history but keeps its runs', async () => {
    const schedule = await schedules.create(
      tenantId,
      input({ nextFireAt: new Date('2025-01-01T00:00:00Z') }),
    );
    await firing.fire({
      scheduleId: schedule.id,
      tenantId,
      expectedNextFireAt: new Date('2025-01-01T00:00:00Z'),
      nextFireAt: new Date('2025-01-02T00:00:00Z'),
      dueAt: new Date('2025-01-01T00:00:00Z'),
      firedAt: new Date('2025-01-01T00:00:01Z'),
      outcome: { status: 'created', run: makeRunInput() },
    });
    expect(await schedules.delete(tenantId, 'nightly')).toBe(true);
    expect(await schedules.delete(tenantId, 'nightly')).toBe(false);
    const [counts] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM schedule_fires) AS fires, (SELECT count(*)::int FROM runs) AS runs,
              (SELECT count(*)::int FROM runs WHERE schedule_id IS NULL) AS orphaned`,
    );
    expect(counts).toEqual({ fires: 0, runs: 1, orphaned: 1 });
  });

  it('shows the history newest first with each run’s current status, a page at a time', async () => {
    const schedule = await schedules.create(
      tenantId,
      input({ nextFireAt: new Date('2025-01-01T00:00:00Z') }),
    );
    const times = ['2025-01-01T00:00:00.000Z', '2025-01-01T00:01:00.000Z', '2025-01-01T00:02:00.000Z'];
    const outcomes = [
      { status: 'created', run: makeRunInput() },
      { status: 'skipped', reason: 'previous run still running' },
      { status: 'failed', reason: 'no task named "gone"' },
    ] as const;
    for (let i = 0; i < times.length; i++) {
      await firing.fire({
        scheduleId: schedule.id,
        tenantId,
        expectedNextFireAt: new Date(times[i]),
        nextFireAt: new Date(times[i + 1] ?? '2025-01-01T00:03:00Z'),
        dueAt: new Date(times[i]),
        firedAt: new Date(Date.parse(times[i]) + 500),
        outcome: outcomes[i],
      });
    }
    const first = await schedules.history(tenantId, 'nightly', { limit: 2 });
    expect(first!.data).toEqual([
      {
        id: expect.any(String),
        dueAt: times[2],
        firedAt: '2025-01-01T00:02:00.500Z',
        status: 'failed',
        runId: null,
        runStatus: null,
        batchId: null,
        batchStatus: null,
        reason: 'no task named "gone"',
      },
      {
        id: expect.any(String),
        dueAt: times[1],
        firedAt: '2025-01-01T00:01:00.500Z',
        status: 'skipped',
        runId: null,
        runStatus: null,
        batchId: null,
        batchStatus: null,
        reason: 'previous run still running',
      },
    ]);
    const second = await schedules.history(tenantId, 'nightly', { limit: 2, cursor: first!.nextCursor! });
    expect(second).toEqual({
      data: [
        {
          id: expect.any(String),
          dueAt: times[0],
          firedAt: '2025-01-01T00:00:00.500Z',
          status: 'created',
          runId: expect.any(String),
          runStatus: 'queued',
          batchId: null,
          batchStatus: null,
          reason: null,
        },
      ],
      nextCursor: null,
    });
    await db.dataSource.query(`UPDATE runs SET status = 'succeeded'`);
    expect(
      (await schedules.history(tenantId, 'nightly', { limit: 1, cursor: first!.nextCursor! }))!.data[0]
        .runStatus,
    ).toBe('succeeded');
    await expect(
      schedules.history(tenantId, 'nightly', {
        limit: 2,
        cursor: Buffer.from('["s","yesterday"]').toString('base64url'),
      }),
    ).rejects.toMatchObject({
      code: 'E_VALIDATION',
    });
  });
});
