import { setTimeout as sleep } from 'node:timers/promises';
import { type ScheduleFireView, type ScheduleView } from '@gtr/domain';
import { type DistributedSystem, startDistributedSystem } from './support/distributed-system';
import { runGtr, isRunning } from '@gtr/testing/system';
import { waitFor } from './support/wait-for';

const NAME = 'every-second';
/** Fire times covered before the schedule is disabled: 30 s of a schedule firing every second. */
const FIRE_TIMES = 30;
/** How a created fire says it caught up on fire times no scheduler handled (missed policy skip). */
const MISSED_REASON = /^(\d+) earlier missed fire times? skipped \(missed policy: skip\)$/;

/** Lines a worker logged for fires of the schedule that it won. */
function firesLoggedBy(output: string): number {
  return output
    .split('\n')
    .filter((line) => line.includes('"msg":"schedule fire created"') && line.includes(`"schedule":"${NAME}"`))
    .length;
}

describe('a schedule firing every second, with two workers running the scheduler', () => {
  let system: DistributedSystem;

  beforeAll(async () => {
    system = await startDistributedSystem();
  });

  afterAll(() => system?.stop());

  it('creates exactly one run per fire time for 30 s, and none once disabled', async () => {
    const added = await runGtr(
      [
        'schedule',
        'add',
        '-n',
        NAME,
        '-s',
        '* * * * * *',
        '--prompt',
        'Say tick',
        '--overlap',
        'allow',
        '--json',
      ],
      system.cliEnv,
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const schedule = JSON.parse(added.stdout) as ScheduleView;
    // The first fire time: the first whole second after the schedule was saved.
    const first = Date.parse(schedule.nextFireAt ?? '');
    expect(first % 1000).toBe(0);
    const last = first + (FIRE_TIMES - 1) * 1000;

    const fireRows = async () =>
      (await system.db.dataSource.query(
        `SELECT due_at, status, run_id, reason FROM schedule_fires WHERE schedule_id = $1 ORDER BY due_at`,
        [schedule.id],
      )) as { due_at: Date; status: string; run_id: string | null; reason: string | null }[];
    await waitFor(
      `a fire at or after ${new Date(last).toISOString()}`,
      async () => (await fireRows()).some((f) => f.due_at.getTime() >= last),
      { timeoutMs: FIRE_TIMES * 1000 + 60_000, intervalMs: 500, diagnostics: system.logs },
    );

    const disabled = await runGtr(['schedule', 'disable', NAME], system.cliEnv);
    expect(disabled.status).toBe(0);
    const afterDisable = Date.now();
    const handled = (await fireRows()).length;
    // Both schedulers tick every second; a few ticks after the disable nothing may fire.
    await sleep(3_000);
    const fires = await fireRows();
    expect(fires).toHaveLength(handled);
    expect(fires.every((f) => f.due_at.getTime() <= afterDisable)).toBe(true);
    const stored = await system.call<ScheduleView>('GET', `/v1/schedules/${NAME}`);
    expect(stored.body).toMatchObject({ enabled: false, nextFireAt: null });
    expect(stored.body.lastFireAt).toBe(fires[fires.length - 1].due_at.toISOString());

    // Every fire time from the first on is accounted for: it has a fire of its own, or the next
    // fire says it was missed (both schedulers more than a second late). Nothing else may be lost.
    let expected = first;
    let missed = 0;
    for (const fire of fires) {
      const due = fire.due_at.getTime();
      const caughtUp = MISSED_REASON.exec(fire.reason ?? '');
      const skippedTimes = caughtUp ? Number(caughtUp[1]) : 0;
      expect({ due: fire.due_at.toISOString(), status: fire.status, skippedTimes }).toEqual({
        due: new Date(expected + skippedTimes * 1000).toISOString(),
        status: 'created',
        skippedTimes,
      });
      if (!caughtUp) expect(fire.reason).toBeNull();
      missed += skippedTimes;
      expected = due + 1000;
    }
    expect(fires.length + missed).toBeGreaterThanOrEqual(FIRE_TIMES);

    // One run per fire, each for its own due time; the history (API + CLI) tells the same.
    const runs = (await system.db.dataSource.query(
      `SELECT id, metadata->'schedule'->>'dueAt' AS due FROM runs WHERE schedule_id = $1`,
      [schedule.id],
    )) as { id: string; due: string }[];
    expect(runs).toHaveLength(fires.length);
    expect(new Set(runs.map((r) => r.due)).size).toBe(runs.length);
    expect(new Map(runs.map((r) => [r.id, new Date(r.due).toISOString()]))).toEqual(
      new Map(fires.map((f) => [f.run_id, f.due_at.toISOString()])),
    );
    const history = await runGtr(['schedule', 'history', NAME, '--limit', '500', '--json'], system.cliEnv);
    expect(history.status).toBe(0);
    const page = JSON.parse(history.stdout) as { data: ScheduleFireView[]; nextCursor: string | null };
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((f) => f.dueAt).sort()).toEqual(fires.map((f) => f.due_at.toISOString()));

    // Each run called the provider once and succeeded.
    await waitFor(
      'every scheduled run to succeed',
      async () => {
        const [{ n }] = await system.db.dataSource.query(
          `SELECT count(*)::int AS n FROM runs WHERE schedule_id = $1 AND status <> 'succeeded'`,
          [schedule.id],
        );
        return n === 0;
      },
      { timeoutMs: 60_000, diagnostics: system.logs },
    );
    expect(system.mock.stats().chatCompletions.ok).toBe(runs.length);

    // Both workers ran their scheduler the whole time and shared the fires between them.
    expect(system.workers.map(isRunning)).toEqual([true, true]);
    const byWorker = system.workers.map((w) => firesLoggedBy(w.output()));
    expect(byWorker.reduce((a, b) => a + b, 0)).toBe(fires.length);
    // Both tick just after each whole second and race for every fire: each wins some of 30.
    expect(byWorker.every((n) => n > 0)).toBe(true);
    process.stdout.write(
      `schedule: ${fires.length} fires, ${missed} fire times missed, fires won by worker-1/worker-2: ${byWorker.join('/')}\n`,
    );
  });
});
