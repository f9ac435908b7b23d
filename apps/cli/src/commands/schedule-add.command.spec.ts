import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr } from '../../test/cli-harness';
import { scheduleFixture } from '../../test/schedule-fixture';

describe('gtr schedule add', () => {
  it('creates a task schedule from the flags earlier runners use, and prints the next fire in UTC', async () => {
    const client = fakeClient();
    client.createSchedule.mockResolvedValue(scheduleFixture());
    const result = await gtr(
      [
        'schedule',
        'add',
        '-n',
        'nightly',
        '-s',
        '30 2 * * *',
        '--task',
        'summarize@2',
        '--var',
        'topic=news',
        '--var',
        'lang=en',
        '--tz',
        'Europe/Berlin',
        '--overlap',
        'cancel_previous',
        '--missed',
        'run_once',
      ],
      { client },
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: 'nightly created; next fire 2025-01-02 01:30:00 UTC\n',
      stderr: '',
    });
    expect(client.createSchedule).toHaveBeenCalledWith(
      {
        name: 'nightly',
        cron: '30 2 * * *',
        timezone: 'Europe/Berlin',
        target: { type: 'task', task: 'summarize', version: 2, input: { topic: 'news', lang: 'en' } },
        overlapPolicy: 'cancel_previous',
        missedPolicy: 'run_once',
      },
      { signal: undefined },
    );
  });

  it('creates a paused prompt schedule at an interval, sending only what was given', async () => {
    const client = fakeClient();
    client.createSchedule.mockResolvedValue(scheduleFixture({ enabled: false, nextFireAt: null }));
    const result = await gtr(
      [
        'schedule',
        'add',
        '--name',
        'ping',
        '--schedule',
        'every 5m',
        '--prompt',
        'Say hi',
        '--system',
        'Be brief',
        '-m',
        'gpt-4o',
        '--provider',
        'openai',
        '--disabled',
      ],
      { client },
    );
    expect(result.stdout).toBe('nightly created; paused\n');
    expect(client.createSchedule.mock.calls[0][0]).toEqual({
      name: 'ping',
      every: '5m',
      target: { type: 'prompt', prompt: 'Say hi', system: 'Be brief', model: 'gpt-4o', provider: 'openai' },
      enabled: false,
    });
  });

  describe('-i FILE: a task file run as a batch', () => {
    let dir: string;
    let rows: string;
    const stored = {
      id: '1f0c2a52-8a53-4b8e-9d0e-6f6f0c7f4a11',
      name: 'tasks.csv',
      format: 'csv',
      task: 'greet',
      rows: 2,
      bytes: 14,
      createdAt: '2025-01-01T00:00:00.000Z',
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'gtr-schedule-add-'));
      rows = join(dir, 'tasks.csv');
      await writeFile(rows, 'name\nAda\nLin\n');
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('uploads the file, then creates the batch schedule with the flags earlier runners use', async () => {
      const client = fakeClient();
      client.uploadTaskFile.mockResolvedValue(stored);
      client.createSchedule.mockResolvedValue(scheduleFixture());
      const result = await gtr(
        [
          'schedule',
          'add',
          '-n',
          'nightly',
          '-s',
          '30 2 * * *',
          '-i',
          rows,
          '-o',
          'results.jsonl',
          '--task',
          'greet',
          '--tz',
          'Europe/Berlin',
          '--overlap',
          'skip',
        ],
        { client },
      );
      expect(result).toMatchObject({
        code: 0,
        stdout: 'nightly created; next fire 2025-01-02 01:30:00 UTC\n',
      });
      expect(result.stderr).toBe(`tasks.csv: 2 rows checked and stored as task file ${stored.id}\n`);
      const [file, fields] = client.uploadTaskFile.mock.calls[0];
      expect(await (file as Blob).text()).toBe('name\nAda\nLin\n');
      expect(fields).toEqual({ fileName: 'tasks.csv', task: 'greet' });
      expect(client.createSchedule.mock.calls[0][0]).toEqual({
        name: 'nightly',
        cron: '30 2 * * *',
        timezone: 'Europe/Berlin',
        target: { type: 'batch', taskFile: stored.id, task: 'greet', output: 'results.jsonl' },
        overlapPolicy: 'skip',
      });
    });

    it('shows the API error naming row and field when a row is invalid, creating nothing', async () => {
      const client = fakeClient();
      client.uploadTaskFile.mockRejectedValue(
        new GtrApiError(
          400,
          'E_VALIDATION',
          '1 of 2 rows are invalid: row 3, name is missing',
          [{ row: 3, field: 'name', message: 'is missing' }],
          'Fix the fields named in the error.',
        ),
      );
      const result = await gtr(
        ['schedule', 'add', '-n', 'x', '-s', '@daily', '-i', rows, '--task', 'greet'],
        {
          client,
        },
      );
      expect(result.code).toBe(30);
      expect(result.stderr).toContain('1 of 2 rows are invalid: row 3, name is missing');
      expect(client.createSchedule).not.toHaveBeenCalled();
    });

    it('deletes the stored file again when the schedule is refused', async () => {
      const client = fakeClient();
      client.uploadTaskFile.mockResolvedValue(stored);
      client.deleteTaskFile.mockResolvedValue(undefined);
      client.createSchedule.mockRejectedValue(
        new GtrApiError(409, 'E_CONFLICT', 'A schedule named "x" already exists.', [], 'Use another name.'),
      );
      const result = await gtr(['schedule', 'add', '-n', 'x', '-s', '@daily', '-i', rows], { client });
      expect(result.code).not.toBe(0);
      expect(client.deleteTaskFile).toHaveBeenCalledWith(stored.id);
    });

    it('says which file is missing, uploading nothing', async () => {
      const client = fakeClient();
      const result = await gtr(['schedule', 'add', '-n', 'x', '-s', '@daily', '-i', join(dir, 'nope.csv')], {
        client,
      });
      expect(result.code).toBe(20);
      expect(result.stderr).toContain(`File not found: ${join(dir, 'nope.csv')}`);
      expect(client.uploadTaskFile).not.toHaveBeenCalled();
    });

    it('--dry-run checks the flags and timing, uploading nothing, and says how to check the file', async () => {
      const client = fakeClient();
      const result = await gtr(
        ['schedule', 'add', '-n', 'x', '-s', '@daily', '-i', rows, '--task', 'greet', '--dry-run'],
        {
          client,
        },
      );
      expect(result.code).toBe(0);
      expect(client.uploadTaskFile).not.toHaveBeenCalled();
      expect(result.stderr).toContain(`check it now with: gtr validate -i ${rows} --task greet`);
    });
  });

  it('prints the schedule as JSON with --json', async () => {
    const client = fakeClient();
    client.createSchedule.mockResolvedValue(scheduleFixture());
    const result = await gtr(
      ['schedule', 'add', '-n', 'nightly', '-s', '30 2 * * *', '--task', 'summarize', '--json'],
      { client },
    );
    expect(JSON.parse(result.stdout)).toEqual(scheduleFixture());
  });

  describe('--dry-run', () => {
    it('checks the schedule locally and prints the request and its next fire times, sending nothing', async () => {
      const client = fakeClient();
      const result = await gtr(
        [
          'schedule',
          'add',
          '-n',
          'tokyo',
          '-s',
          '0 9 * * *',
          '--tz',
          'Asia/Tokyo',
          '--prompt',
          'hi',
          '--dry-run',
        ],
        { client },
      );
      expect(result.code).toBe(0);
      expect(client.createSchedule).not.toHaveBeenCalled();
      expect(result.stderr).toBe('Dry run: nothing was created. The API would receive:\nIt would fire at:\n');
      const [json, table] = result.stdout.split('\nUTC');
      expect(JSON.parse(json)).toEqual({
        name: 'tokyo',
        cron: '0 9 * * *',
        timezone: 'Asia/Tokyo',
        target: { type: 'prompt', prompt: 'hi' },
      });
      const rows = table.trim().split('\n').slice(1);
      expect(rows).toHaveLength(5);
      for (const row of rows)
        expect(row).toMatch(/^\d{4}-\d\d-\d\d 00:00:00 UTC {2}\d{4}-\d\d-\d\d 09:00:00 \+09:00 Asia\/Tokyo$/);
    });

    it('prints the request and fires as JSON with --json', async () => {
      const result = await gtr([
        'schedule',
        'add',
        '-n',
        'often',
        '-s',
        '30s',
        '--prompt',
        'hi',
        '--dry-run',
        '--json',
      ]);
      const parsed = JSON.parse(result.stdout);
      expect(parsed.request).toEqual({
        name: 'often',
        every: '30s',
        target: { type: 'prompt', prompt: 'hi' },
      });
      expect(parsed.fires).toHaveLength(5);
      expect(Date.parse(parsed.fires[1].utc) - Date.parse(parsed.fires[0].utc)).toBe(30_000);
      expect(parsed.fires[0].local).toMatch(/\+00:00$/);
    });

    it('refuses what the API would refuse, naming the field with an example', async () => {
      const tz = await gtr([
        'schedule',
        'add',
        '-n',
        'x',
        '-s',
        '* * * * *',
        '--tz',
        'Mars/Base',
        '--prompt',
        'hi',
        '--dry-run',
      ]);
      expect(tz.code).toBe(30);
      expect(tz.stderr).toContain(
        '  - timezone: unknown IANA time zone "Mars/Base"; example: "Europe/Berlin" (or "UTC")',
      );
    });
  });

  it.each([
    [
      ['-s', '61 * * * *', '--prompt', 'x'],
      30,
      'error E_VALIDATION: --schedule: invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"; or an interval such as "every 5m"',
    ],
    [
      ['-s', 'every 5 minutes', '--prompt', 'x'],
      30,
      'error E_VALIDATION: --schedule: invalid interval "5 minutes"',
    ],
    [
      ['-s', '* * * * *'],
      31,
      'error E_VALIDATION_MISSING_FIELD: say what the schedule runs: --task NAME, --prompt TEXT or -i FILE',
    ],
    [
      ['-s', '* * * * *', '--task', 't', '--prompt', 'x'],
      30,
      '--task and --prompt cannot be combined; give one target',
    ],
    [['-s', '* * * * *', '--prompt', 'x', '--var', 'a=1'], 30, '--var needs --task'],
    [
      ['-s', '* * * * *', '-i', 'rows.csv', '--task', 't', '--var', 'a=1'],
      30,
      '--var cannot be combined with --input: the rows are the variables',
    ],
    [
      ['-s', '* * * * *', '-i', 'rows.csv', '--prompt', 'x'],
      30,
      '--prompt and --input cannot be combined; give one target',
    ],
    [['-s', '* * * * *', '--task', 't', '--model', 'm'], 30, '--model needs --prompt'],
    [['-s', '* * * * *', '--task', 't', '-o', 'out.csv'], 30, '--output needs --input'],
    [
      ['-s', '* * * * *', '--task', 't', '--var', 'novalue'],
      32,
      '--var must be key=value, e.g. --var topic=news',
    ],
    [['-s', '* * * * *', '--task', 't@0'], 32, '--task must be a task name, optionally with @version'],
    [
      ['-s', '* * * * *', '--task', 't', '--overlap', 'queue'],
      32,
      '--overlap must be one of skip, allow, cancel_previous; got queue',
    ],
    [['--prompt', 'x'], 31, "required option '-s, --schedule <spec>' not specified"],
  ])('rejects %j with exit %d', async (flags, code, message) => {
    const client = fakeClient();
    const result = await gtr(['schedule', 'add', '-n', 'x', ...flags], { client });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(client.createSchedule).not.toHaveBeenCalled();
  });
});
