import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr } from '../../test/cli-harness';
import { taskFixture } from '../../test/task-fixture';

const dir = mkdtempSync(join(tmpdir(), 'gtr-tasks-spec-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gtr tasks create', () => {
  it('creates a task from the flags, 0 kept, and prints its name, version and variables', async () => {
    const client = fakeClient();
    client.createTask.mockResolvedValue(taskFixture({ version: 1 }));
    const schema = file('schema.json', '{"type":"object","properties":{"summary":{"type":"string"}}}');

    const result = await gtr(
      [
        'tasks',
        'create',
        'summarise',
        '-p',
        'Summarise {{doc}}',
        '--system',
        'Answer in {{lang}}.',
        '--description',
        'Summaries',
        '-m',
        'gpt-4o',
        '--provider',
        'openai',
        '-t',
        '0',
        '--max-tokens',
        '100',
        '--top-p',
        '1',
        '--seed',
        '0',
        '--schema-file',
        schema,
        '--tag',
        'nlp',
        '--tag',
        'eu',
        '--max-attempts',
        '5',
        '--base-delay-ms',
        '0',
        '--max-delay-ms',
        '1000',
        '--timeout-ms',
        '20000',
      ],
      { client },
    );

    expect(result).toMatchObject({ code: 0, stdout: 'summarise v1\n', stderr: 'Variables: lang, doc\n' });
    expect(client.createTask).toHaveBeenCalledWith(
      {
        name: 'summarise',
        prompt: 'Summarise {{doc}}',
        system: 'Answer in {{lang}}.',
        description: 'Summaries',
        model: 'gpt-4o',
        provider: 'openai',
        params: { temperature: 0, maxTokens: 100, topP: 1, seed: 0 },
        outputSchema: { type: 'object', properties: { summary: { type: 'string' } } },
        tags: ['nlp', 'eu'],
        retryPolicy: { maxAttempts: 5, baseDelayMs: 0, maxDelayMs: 1000 },
        timeoutMs: 20000,
      },
      { signal: undefined },
    );
  });

  it('reads the template from --messages-file and prints JSON with --json', async () => {
    const client = fakeClient();
    const task = taskFixture({ variables: [] });
    client.createTask.mockResolvedValue(task);
    const messages = [{ role: 'user', content: 'Hi' }];
    const result = await gtr(
      [
        'tasks',
        'create',
        'hello',
        '--messages-file',
        file('messages.json', JSON.stringify(messages)),
        '--json',
      ],
      { client },
    );
    expect(client.createTask.mock.calls[0][0]).toEqual({ name: 'hello', messages });
    expect(JSON.parse(result.stdout)).toEqual(task);
  });

  it('says when a task has no variables', async () => {
    const client = fakeClient();
    client.createTask.mockResolvedValue(taskFixture({ variables: [] }));
    const result = await gtr(['tasks', 'create', 'hello', '-p', 'Hi'], { client });
    expect(result.stderr).toBe('No variables.\n');
  });

  it.each<[string, number, () => string[], string]>([
    [
      'a messages file that does not exist',
      20,
      () => ['--messages-file', join(dir, 'nope.json')],
      `error E_FILE_NOT_FOUND: --messages-file: no file at ${join(dir, 'nope.json')}`,
    ],
    [
      'a schema file that is a folder',
      21,
      () => ['-p', 'x', '--schema-file', dir],
      `error E_FILE_READ: --schema-file: cannot read ${dir} (EISDIR)`,
    ],
    [
      'a messages file that is not JSON',
      22,
      () => ['--messages-file', file('bad.json', '[{"role":')],
      `error E_FILE_FORMAT: --messages-file: ${join(dir, 'bad.json')} is not valid JSON`,
    ],
    [
      'a messages file that is not a list',
      22,
      () => ['--messages-file', file('obj.json', '{"role":"user"}')],
      'must hold a JSON array of messages',
    ],
    [
      'a schema file that is not an object',
      22,
      () => ['-p', 'x', '--schema-file', file('list.json', '[]')],
      'must hold a JSON Schema object',
    ],
  ])('stops on %s with exit %i, naming the flag and the path', async (_what, code, flags, message) => {
    const client = fakeClient();
    const result = await gtr(['tasks', 'create', 'x', ...flags()], { client });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(client.createTask).not.toHaveBeenCalled();
  });

  it('stops with E_FILE_READ (exit 21) on a file that is not UTF-8', async () => {
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0xe9, 0x7d]));
    const result = await gtr(['tasks', 'create', 'x', '-p', 'x', '--schema-file', path], {
      client: fakeClient(),
    });
    expect(result.code).toBe(21);
    expect(result.stderr).toContain(`cannot read ${path} (not UTF-8 text)`);
    expect(result.stderr).toContain('hint: Check that it is a readable UTF-8 file.');
  });

  it.each([
    [[], 31, 'give the template: --prompt <text> or --messages-file <file>'],
    [['-p', 'x', '--messages-file', 'm.json'], 30, '--prompt and --messages-file cannot be combined'],
    [['-p', 'x', '--max-attempts', 'many'], 32, '--max-attempts must be an integer'],
  ])('rejects the flags %j with exit %i', async (flags, code, message) => {
    const result = await gtr(['tasks', 'create', 'x', ...flags]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('shows the API refusal with its field (a bad template), exit 30; a taken name exits 13', async () => {
    const client = fakeClient();
    client.createTask.mockRejectedValueOnce(
      new GtrApiError(
        400,
        'E_VALIDATION',
        'Invalid request: prompt has an unclosed {{',
        [{ field: 'prompt', message: 'has an unclosed {{ at character 4' }],
        'Fix the fields named in the error.',
      ),
    );
    const bad = await gtr(['tasks', 'create', 'x', '-p', 'Hi {{name'], { client });
    expect(bad.code).toBe(30);
    expect(bad.stderr).toContain('  - prompt: has an unclosed {{ at character 4');

    client.createTask.mockRejectedValueOnce(
      new GtrApiError(409, 'E_CONFLICT', 'A task named "x" already exists.', [], 'Reload it and try again.'),
    );
    expect((await gtr(['tasks', 'create', 'x', '-p', 'Hi'], { client })).code).toBe(13);
  });
});

describe('gtr tasks update', () => {
  it('sends only the given flags and prints the new version', async () => {
    const client = fakeClient();
    client.updateTask.mockResolvedValue(taskFixture({ version: 3 }));
    const result = await gtr(
      ['tasks', 'update', 'summarise', '-m', 'gpt-4o', '--temperature', '0', '--tag', 'a'],
      { client },
    );
    expect(result).toMatchObject({ code: 0, stdout: 'summarise v3\n' });
    expect(client.updateTask).toHaveBeenCalledWith(
      'summarise',
      { model: 'gpt-4o', params: { temperature: 0 }, tags: ['a'] },
      { signal: undefined },
    );
  });

  it('prints the new version as JSON with --json', async () => {
    const client = fakeClient();
    const task = taskFixture({ version: 3 });
    client.updateTask.mockResolvedValue(task);
    const result = await gtr(['tasks', 'update', 'summarise', '--system', 'Be brief.', '--json'], { client });
    expect(client.updateTask.mock.calls[0][1]).toEqual({ system: 'Be brief.' });
    expect(JSON.parse(result.stdout)).toEqual(task);
  });

  it('needs at least one flag (exit 31), and reports an unknown task with exit 13', async () => {
    const client = fakeClient();
    const none = await gtr(['tasks', 'update', 'summarise'], { client });
    expect(none.code).toBe(31);
    expect(none.stderr).toContain('give at least one flag to change');
    expect(client.updateTask).not.toHaveBeenCalled();

    client.updateTask.mockRejectedValue(
      new GtrApiError(404, 'E_NOT_FOUND', 'Task "ghost" not found.', [], 'Check the id.'),
    );
    const missing = await gtr(['tasks', 'update', 'ghost', '-m', 'x'], { client });
    expect(missing.code).toBe(13);
    expect(missing.stderr).toContain('error E_NOT_FOUND: Task "ghost" not found.');
  });
});
