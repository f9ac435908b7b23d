import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeClient, fakeClient, gtr } from '../../test/cli-harness';
import { formatIssue } from './validate.command';

describe('gtr validate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gtr-validate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, contents: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, contents);
    return path;
  };

  it('prints how many rows are valid and exits 0, without an API key', async () => {
    const path = file('ok.csv', 'id,prompt,temperature\n1,hello,0\n2,"a, b",1.5\n');
    const result = await gtr(['validate', '-i', path], { env: {} });
    expect(result).toMatchObject({ code: 0, stdout: '2 rows valid\n', stderr: '', clientOptions: [] });
    const one = await gtr(['validate', '--input', file('one.jsonl', '{"prompt":"x"}\n')], { env: {} });
    expect(one.stdout).toBe('1 row valid\n');
  });

  it('notes the columns it ignores on stderr', async () => {
    const result = await gtr(['validate', '-i', file('extra.csv', 'prompt,notes\nx,y\n')]);
    expect(result).toMatchObject({ code: 0, stdout: '1 row valid\n', stderr: 'Ignored columns: notes\n' });
    const keys = await gtr(['validate', '-i', file('extra.jsonl', '{"prompt":"x","tag":1}')]);
    expect(keys.stderr).toBe('Ignored keys: tag\n');
  });

  it('prints each issue on stdout, the summary on stderr, and exits with the validation code', async () => {
    const path = file('bad.csv', 'id,prompt,temperature\n1,x,3\n2,y,abc\n3,z,1\n');
    const result = await gtr(['validate', '-i', path]);
    expect(result.code).toBe(32);
    expect(result.stdout).toBe(
      'row 1, field temperature: must be <= 2\nrow 2, field temperature: must be a number\n',
    );
    expect(result.stderr).toBe(
      'error E_VALIDATION_TYPE: 2 of 3 rows invalid (2 issues)\nhint: Fix the field named in the error.\n',
    );
  });

  it('prints the first 100 issues and how many more there are', async () => {
    const path = file(
      'many.csv',
      ['id,prompt', ...Array.from({ length: 130 }, (_, i) => `${i + 1},`)].join('\n'),
    );
    const result = await gtr(['validate', '-i', path]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe('row 1, field prompt: is required (or give messages)');
    expect(lines[100]).toBe('… and 30 more');
    expect(result.code).toBe(31);
    expect(result.stderr).toContain('error E_VALIDATION_MISSING_FIELD: 130 of 130 rows invalid (130 issues)');
  });

  it('exits 30 for mixed issues, naming duplicate ids and broken lines', async () => {
    const path = file('mixed.jsonl', '{"id":"a","prompt":"x"}\n{"id":"a","prompt":"y"}\nnot json\n');
    const result = await gtr(['validate', '-i', path]);
    expect(result.code).toBe(30);
    expect(result.stdout).toBe('row 2, field id: duplicates the id "a" of row 1\nrow 3: is not valid JSON\n');
  });

  it('prints the report as JSON with --json, with the same exit code', async () => {
    const path = file('json.csv', 'prompt,temperature\nx,0\ny,9\n');
    const result = await gtr(['validate', '-i', path, '--json']);
    expect(result.code).toBe(32);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      format: 'csv',
      total: 2,
      valid: 1,
      invalid: 1,
      issues: [{ row: 2, field: 'temperature', message: 'must be <= 2' }],
      moreIssues: 0,
      code: 'E_VALIDATION_TYPE',
      ignoredFields: [],
    });
  });

  it.each([
    [
      'a file that does not exist',
      () => join(dir, 'nope.csv'),
      20,
      'error E_FILE_NOT_FOUND: File not found: ',
    ],
    [
      'a folder',
      () => (mkdirSync(join(dir, 'folder.csv'), { recursive: true }), join(dir, 'folder.csv')),
      21,
      'error E_FILE_READ: Cannot read ',
    ],
    [
      'a file that is not UTF-8',
      () => file('latin1.csv', Buffer.from('prompt\ncaf\xe9\n', 'latin1')),
      21,
      'error E_FILE_READ: The file is not valid UTF-8 (line 2)',
    ],
    [
      'a quote never closed',
      () => file('open.csv', 'id,prompt\n1,"open\n'),
      22,
      'error E_FILE_FORMAT: Row 1 (line 2) has a quote at line 2 that is never closed',
    ],
    [
      'an unknown extension',
      () => file('tasks.txt', 'prompt\nx\n'),
      22,
      'error E_FILE_FORMAT: Cannot tell the task file format',
    ],
    ['an empty file', () => file('empty.jsonl', ''), 22, 'error E_FILE_FORMAT: The file has no rows'],
  ])('exits with the file error code for %s', async (_name, pathOf, code, message) => {
    const result = await gtr(['validate', '-i', pathOf()]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('reads a file of another extension with --format', async () => {
    const result = await gtr(['validate', '-i', file('rows.txt', '{"prompt":"x"}'), '--format', 'NDJSON']);
    expect(result).toMatchObject({ code: 0, stdout: '1 row valid\n' });
    const bad = await gtr(['validate', '-i', 'x.txt', '--format', 'xml']);
    expect(bad.code).toBe(32);
    expect(bad.stderr).toContain('--format must be csv or jsonl');
  });

  it('checks rows as task variables with --vars, without the API', async () => {
    const path = file('vars.csv', 'id,name,topic,notes\n1,Ada,math,n\n2,Bob,,\n');
    const ok = await gtr(['validate', '-i', path, '--task', 'greet', '--vars', 'name, topic,name'], {
      env: {},
    });
    expect(ok).toMatchObject({ code: 0, stdout: '2 rows valid\n', stderr: 'Ignored columns: notes\n' });
    const missing = await gtr(['validate', '-i', path, '--vars', 'name,topic,lang']);
    expect(missing.code).toBe(31);
    expect(missing.stdout).toBe(
      'row 1, field lang: is missing; the task uses {{lang}}\nrow 2, field lang: is missing; the task uses {{lang}}\n',
    );
    const empty = await gtr(['validate', '-i', path, '--vars', ' , ']);
    expect(empty.code).toBe(32);
  });

  it('fetches the variables of --task when the client can', async () => {
    const client = Object.assign(fakeClient(), {
      getTask: jest.fn().mockResolvedValue({ name: 'greet', variables: ['name', 'lang'] }),
    });
    const path = file('task.jsonl', '{"name":"Ada","lang":"en"}\n{"name":"Bob"}\n');
    const result = await gtr(['validate', '-i', path, '--task', 'greet'], { client });
    expect(client.getTask).toHaveBeenCalledWith('greet', undefined, { signal: undefined });
    expect(result.code).toBe(31);
    expect(result.stdout).toBe('row 2, field lang: is missing; the task uses {{lang}}\n');
  });

  it('asks for --vars when the variables of --task cannot be fetched', async () => {
    const path = file('task.csv', 'name\nAda\n');
    const { getTask: _getTask, ...withoutGetTask } = fakeClient();
    const cannot = await gtr(['validate', '-i', path, '--task', 'greet'], {
      client: withoutGetTask as FakeClient,
    });
    expect(cannot.code).toBe(31);
    expect(cannot.stderr).toContain('--task needs --vars: this API client cannot fetch task "greet"');
    const client = Object.assign(fakeClient(), { getTask: jest.fn().mockResolvedValue({ name: 'greet' }) });
    const unknown = await gtr(['validate', '-i', path, '--task', 'greet'], { client });
    expect(unknown.code).toBe(31);
    expect(unknown.stderr).toContain(
      'The API did not say which variables task "greet" uses; list them with --vars name,topic',
    );
  });

  it('requires --input', async () => {
    const result = await gtr(['validate']);
    expect(result.code).toBe(31);
    expect(result.stderr).toContain("required option '-i, --input <file>' not specified");
  });

  it('formats an issue about a whole row without a field', () => {
    expect(formatIssue({ row: 3, field: '(row)', message: 'must be a JSON object' })).toBe(
      'row 3: must be a JSON object',
    );
    expect(formatIssue({ row: 4, field: 'messages.0.role', message: 'x' })).toBe(
      'row 4, field messages.0.role: x',
    );
  });
});
