import { fakeClient, gtr } from '../../test/cli-harness';
import { scheduleFixture } from '../../test/schedule-fixture';

describe('gtr schedule update', () => {
  it('sends only the changed fields; a target flag replaces the target', async () => {
    const client = fakeClient();
    client.updateSchedule.mockResolvedValue(scheduleFixture({ every: '1h', cron: null }));
    const result = await gtr(
      [
        'schedule',
        'update',
        'nightly',
        '-s',
        'every 1h',
        '--tz',
        'UTC',
        '--prompt',
        'new',
        '--overlap',
        'allow',
        '--missed',
        'run_once',
      ],
      { client },
    );
    expect(result).toMatchObject({ code: 0, stdout: 'nightly updated; next fire 2025-01-02 01:30:00 UTC\n' });
    expect(client.updateSchedule).toHaveBeenCalledWith(
      'nightly',
      {
        every: '1h',
        timezone: 'UTC',
        target: { type: 'prompt', prompt: 'new' },
        overlapPolicy: 'allow',
        missedPolicy: 'run_once',
      },
      { signal: undefined },
    );
  });

  it('changes a cron expression and prints JSON with --json; says paused when it is', async () => {
    const client = fakeClient();
    client.updateSchedule.mockResolvedValue(scheduleFixture({ enabled: false, nextFireAt: null }));
    const json = await gtr(['schedule', 'update', 'nightly', '-s', '*/10  * * * *', '--json'], { client });
    expect(client.updateSchedule.mock.calls[0][1]).toEqual({ cron: '*/10 * * * *' });
    expect(JSON.parse(json.stdout).enabled).toBe(false);
    const text = await gtr(['schedule', 'update', 'nightly', '--task', 'digest'], { client });
    expect(client.updateSchedule.mock.calls[1][1]).toEqual({
      target: { type: 'task', task: 'digest', input: {} },
    });
    expect(text.stdout).toBe('nightly updated; paused\n');
  });

  it('refuses a command that changes nothing', async () => {
    const client = fakeClient();
    const result = await gtr(['schedule', 'update', 'nightly'], { client });
    expect(result.code).toBe(31);
    expect(result.stderr).toContain('nothing to change');
    expect(client.updateSchedule).not.toHaveBeenCalled();
  });
});
