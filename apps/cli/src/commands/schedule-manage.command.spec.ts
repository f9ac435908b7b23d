import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr } from '../../test/cli-harness';
import { scheduleFixture } from '../../test/schedule-fixture';

const notFound = () => new GtrApiError(404, 'E_NOT_FOUND', 'No schedule named "ghost".', [], 'Check the id.');

describe('gtr schedule list', () => {
  it('prints a table with times in UTC and the next-page command', async () => {
    const client = fakeClient();
    client.listSchedules.mockResolvedValue({
      data: [
        scheduleFixture(),
        scheduleFixture({
          name: 'ping',
          cron: null,
          every: '5m',
          timezone: 'UTC',
          target: { type: 'prompt', prompt: 'Say   hi to everyone in the whole wide world' },
          enabled: false,
          nextFireAt: null,
        }),
      ],
      nextCursor: 'c2',
    });
    const result = await gtr(['schedule', 'list', '--limit', '2'], { client });
    expect(client.listSchedules).toHaveBeenCalledWith({ limit: 2, cursor: undefined }, { signal: undefined });
    expect(result.stdout.split('\n')).toEqual([
      'NAME     SCHEDULE    TIMEZONE       TARGET                            STATE    NEXT FIRE',
      'nightly  30 2 * * *  Europe/Berlin  task summarize {"topic":"news"}   enabled  2025-01-02 01:30:00 UTC',
      'ping     every 5m    UTC            prompt "Say hi to everyone in t…  paused   -',
      '',
    ]);
    expect(result.stderr).toBe('More: gtr schedule list --limit 2 --cursor c2\n');
  });

  it('says so when there are none, and prints JSON with --json', async () => {
    const client = fakeClient();
    client.listSchedules.mockResolvedValue({ data: [], nextCursor: null });
    expect(await gtr(['schedule', 'list'], { client })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No schedules.\n',
    });
    expect(JSON.parse((await gtr(['schedule', 'list', '--json'], { client })).stdout)).toEqual({
      data: [],
      nextCursor: null,
    });
    client.listSchedules.mockResolvedValue({ data: [scheduleFixture()], nextCursor: 'c9' });
    expect((await gtr(['schedule', 'list', '--cursor', 'c1'], { client })).stderr).toBe(
      'More: gtr schedule list --cursor c9\n',
    );
  });
});

describe('gtr schedule get', () => {
  it('shows the schedule with fire times in UTC and in its zone', async () => {
    const client = fakeClient();
    client.getSchedule.mockResolvedValue(scheduleFixture({ lastFireAt: '2025-01-01T01:30:00.000Z' }));
    const result = await gtr(['schedule', 'get', 'nightly'], { client });
    expect(result.stdout).toContain(
      'Next fire  2025-01-02 01:30:00 UTC (2025-01-02 02:30:00 +01:00 Europe/Berlin)\n',
    );
    expect(result.stdout).toContain(
      'Last fire  2025-01-01 01:30:00 UTC (2025-01-01 02:30:00 +01:00 Europe/Berlin)\n',
    );
    expect(result.stdout).toContain('Schedule   30 2 * * *\n');
    expect(result.stdout).toContain(
      'Target     {"type":"task","task":"summarize","input":{"topic":"news"}}\n',
    );
    expect(JSON.parse((await gtr(['schedule', 'get', 'nightly', '--json'], { client })).stdout)).toEqual(
      scheduleFixture({ lastFireAt: '2025-01-01T01:30:00.000Z' }),
    );
  });

  it('shows UTC times once for a UTC schedule, and exits 13 for an unknown name', async () => {
    const client = fakeClient();
    client.getSchedule.mockResolvedValue(
      scheduleFixture({ timezone: 'UTC', enabled: false, nextFireAt: null }),
    );
    const result = await gtr(['schedule', 'get', 'nightly'], { client });
    expect(result.stdout).toContain('Next fire  -\n');
    expect(result.stdout).toContain('State      paused\n');
    client.getSchedule.mockRejectedValue(notFound());
    const missing = await gtr(['schedule', 'get', 'ghost'], { client });
    expect(missing.code).toBe(13);
    expect(missing.stderr).toContain('error E_NOT_FOUND: No schedule named "ghost".');
  });
});

describe('gtr schedule delete', () => {
  it('deletes and says so', async () => {
    const client = fakeClient();
    client.deleteSchedule.mockResolvedValue(undefined);
    expect(await gtr(['schedule', 'delete', 'nightly'], { client })).toMatchObject({
      code: 0,
      stdout: 'nightly deleted\n',
    });
    expect(client.deleteSchedule).toHaveBeenCalledWith('nightly', { signal: undefined });
    client.deleteSchedule.mockRejectedValue(notFound());
    expect((await gtr(['schedule', 'delete', 'ghost'], { client })).code).toBe(13);
  });
});

describe('gtr schedule enable / disable', () => {
  it('resumes with the next fire time, pauses, and prints JSON with --json', async () => {
    const client = fakeClient();
    client.enableSchedule.mockResolvedValue(scheduleFixture());
    client.disableSchedule.mockResolvedValue(scheduleFixture({ enabled: false, nextFireAt: null }));
    expect((await gtr(['schedule', 'enable', 'nightly'], { client })).stdout).toBe(
      'nightly enabled; next fire 2025-01-02 01:30:00 UTC\n',
    );
    expect((await gtr(['schedule', 'disable', 'nightly'], { client })).stdout).toBe('nightly paused\n');
    expect(
      JSON.parse((await gtr(['schedule', 'disable', 'nightly', '--json'], { client })).stdout).enabled,
    ).toBe(false);
    expect(client.enableSchedule).toHaveBeenCalledWith('nightly', { signal: undefined });
  });
});

describe('gtr schedule next', () => {
  const next = {
    name: 'nightly',
    timezone: 'America/New_York',
    enabled: true,
    fires: [
      { utc: '2025-03-08T07:30:00.000Z', local: '2025-03-08T02:30:00-05:00' },
      { utc: '2025-03-09T07:30:00.000Z', local: '2025-03-09T03:30:00-04:00' },
    ],
  };

  it('prints the coming fire times in UTC and in the schedule zone', async () => {
    const client = fakeClient();
    client.nextScheduleFires.mockResolvedValue(next);
    const result = await gtr(['schedule', 'next', 'nightly', '--count', '2'], { client });
    expect(client.nextScheduleFires).toHaveBeenCalledWith('nightly', { count: 2 }, { signal: undefined });
    expect(result.stdout.split('\n')).toEqual([
      'UTC                      AMERICA/NEW_YORK',
      '2025-03-08 07:30:00 UTC  2025-03-08 02:30:00 -05:00 America/New_York',
      '2025-03-09 07:30:00 UTC  2025-03-09 03:30:00 -04:00 America/New_York',
      '',
    ]);
    expect(result.stderr).toBe('');
  });

  it('prints UTC only for a UTC schedule, notes a paused one, and prints JSON with --json', async () => {
    const client = fakeClient();
    client.nextScheduleFires.mockResolvedValue({ ...next, timezone: 'UTC', enabled: false });
    const result = await gtr(['schedule', 'next', 'nightly'], { client });
    expect(result.stdout.split('\n')[0]).toBe('UTC');
    expect(result.stderr).toBe('nightly is paused; it fires at these times once enabled now.\n');
    expect(
      JSON.parse((await gtr(['schedule', 'next', 'nightly', '--json'], { client })).stdout).fires,
    ).toHaveLength(2);
  });
});

describe('gtr schedule history', () => {
  it('prints each fire with its run and reason, newest first, and the next-page command', async () => {
    const client = fakeClient();
    client.scheduleHistory.mockResolvedValue({
      data: [
        {
          id: 'f2',
          dueAt: '2025-01-02T01:30:00.000Z',
          firedAt: '2025-01-02T01:30:00.010Z',
          status: 'skipped',
          runId: null,
          runStatus: null,
          batchId: null,
          batchStatus: null,
          reason: 'previous run r1 is still running (overlap policy: skip)',
        },
        {
          id: 'f3',
          dueAt: '2025-01-01T13:30:00.000Z',
          firedAt: '2025-01-01T13:30:00.010Z',
          status: 'created',
          runId: null,
          runStatus: null,
          batchId: 'bbbbbbbb-0000-4000-8000-000000000001',
          batchStatus: 'succeeded',
          reason: null,
        },
        {
          id: 'f1',
          dueAt: '2025-01-01T01:30:00.000Z',
          firedAt: '2025-01-01T01:30:00.010Z',
          status: 'created',
          runId: 'aaaaaaaa-0000-4000-8000-000000000001',
          runStatus: 'running',
          batchId: null,
          batchStatus: null,
          reason: null,
        },
      ],
      nextCursor: 'h2',
    });
    const result = await gtr(['schedule', 'history', 'nightly', '--limit', '2'], { client });
    expect(client.scheduleHistory).toHaveBeenCalledWith(
      'nightly',
      { limit: 2, cursor: undefined },
      { signal: undefined },
    );
    expect(result.stdout.split('\n')).toEqual([
      'DUE                      FIRE     RUN/BATCH                                   STATUS     REASON',
      '2025-01-02 01:30:00 UTC  skipped  -                                           -          previous run r1 is still running (overlap policy: skip)',
      '2025-01-01 13:30:00 UTC  created  batch bbbbbbbb-0000-4000-8000-000000000001  succeeded',
      '2025-01-01 01:30:00 UTC  created  run aaaaaaaa                                running',
      '',
    ]);
    expect(result.stderr).toBe('More: gtr schedule history nightly --limit 2 --cursor h2\n');
  });

  it('says so before the first fire, and prints JSON with --json', async () => {
    const client = fakeClient();
    client.scheduleHistory.mockResolvedValue({ data: [], nextCursor: null });
    expect((await gtr(['schedule', 'history', 'nightly'], { client })).stderr).toBe(
      'nightly has not fired yet.\n',
    );
    expect(JSON.parse((await gtr(['schedule', 'history', 'nightly', '--json'], { client })).stdout)).toEqual({
      data: [],
      nextCursor: null,
    });
    client.scheduleHistory.mockResolvedValue({ data: [], nextCursor: 'h3' });
    expect((await gtr(['schedule', 'history', 'nightly', '--cursor', 'h2'], { client })).stderr).toContain(
      'More: gtr schedule history nightly --cursor h3',
    );
  });
});
