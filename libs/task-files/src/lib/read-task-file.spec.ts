import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type FieldIssue } from '@gtr/domain';
import { asyncOf, collect, failure } from '../../test/chunks';
import { readTaskFile } from './read-task-file';
import { validateTaskFile } from './validate-task-file';

describe('readTaskFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gtr-task-files-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, contents: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, contents);
    return path;
  };

  it('reads a path, telling the format from its extension', async () => {
    const csvPath = file('tasks.csv', '\uFEFFid,prompt\r\n1,hello\r\n');
    const jsonlPath = file('tasks.JSONL', '{"id":"1","prompt":"hello"}\n');
    const ndjsonPath = file('tasks.ndjson', '{"id":"1","prompt":"hello"}');
    for (const path of [csvPath, jsonlPath, ndjsonPath]) {
      const rows = await collect(readTaskFile(path));
      expect(rows.map((row) => [row.id, row.prompt])).toEqual([['1', 'hello']]);
    }
    expect(readTaskFile(ndjsonPath).report.format).toBe('jsonl');
  });

  it('takes the format from fileName or an explicit format for other sources', async () => {
    const viaName = readTaskFile([Buffer.from('prompt\nx\n')], { fileName: 'upload.csv' });
    expect(await collect(viaName)).toHaveLength(1);
    const explicit = readTaskFile(file('tasks.txt', '{"prompt":"x"}'), { format: 'jsonl' });
    expect(await collect(explicit)).toHaveLength(1);
  });

  it.each([
    [
      'a path without a known extension',
      () => readTaskFile('/data/tasks.txt'),
      'Cannot tell the task file format: "tasks.txt" has no .csv, .jsonl or .ndjson extension; rename it or give the format (csv or jsonl)',
    ],
    [
      'chunks without a name',
      () => readTaskFile(['x']),
      'Cannot tell the task file format: the file has no name; rename it or give the format (csv or jsonl)',
    ],
    [
      'an extension named like an Object property',
      () => readTaskFile('C:\\data\\tasks.constructor'),
      '"tasks.constructor" has no .csv',
    ],
  ])('rejects %s with E_FILE_FORMAT at once', async (_name, open, message) => {
    const error = await failure(open);
    expect(error).toMatchObject({ code: 'E_FILE_FORMAT' });
    expect(error.message).toContain(message);
  });

  it.each([
    [
      'a file that does not exist',
      () => join(dir, 'missing.csv'),
      'E_FILE_NOT_FOUND',
      /^File not found: .*missing\.csv$/,
    ],
    [
      'a path through a file',
      () => join(file('plain.csv', 'x'), 'below.csv'),
      'E_FILE_NOT_FOUND',
      /^File not found: /,
    ],
    ['a folder', () => join(dir, 'folder.csv'), 'E_FILE_READ', /it is a folder$/],
    [
      'bytes that are not UTF-8',
      () => file('latin1.csv', Buffer.from('id,prompt\n1,caf\xe9\n', 'latin1')),
      'E_FILE_READ',
      /not valid UTF-8 \(line 2\)/,
    ],
  ])('rejects %s', async (_name, pathOf, code, message) => {
    require('node:fs').mkdirSync(join(dir, 'folder.csv'), { recursive: true });
    const error = await failure(validateTaskFile(pathOf()));
    expect(error).toMatchObject({ code });
    expect(error.message).toMatch(message);
  });

  it('reports a failing source stream as E_FILE_READ', async () => {
    async function* failing(code?: string): AsyncGenerator<Uint8Array> {
      yield Buffer.from('prompt\n');
      throw Object.assign(new Error('connection reset'), code ? { code } : {});
    }
    await expect(validateTaskFile(failing('EACCES'), { format: 'csv' })).rejects.toMatchObject({
      code: 'E_FILE_READ',
      message: 'Cannot read the task file: permission denied',
    });
    await expect(validateTaskFile(failing('ECONNRESET'), { format: 'csv' })).rejects.toMatchObject({
      message: 'Cannot read the task file (ECONNRESET)',
    });
    await expect(validateTaskFile(failing(), { format: 'csv' })).rejects.toMatchObject({
      message: 'Cannot read the task file (connection reset)',
    });
  });

  it('reads a Node stream and a web stream', async () => {
    const node = Readable.from([Buffer.from('prompt\n'), Buffer.from('a\nb\n')]);
    expect(await collect(readTaskFile(node, { format: 'csv' }))).toHaveLength(2);
    const web = new Blob(['{"prompt":"a"}\n{"prompt":"b"}']).stream();
    expect(
      await collect(readTaskFile(web as unknown as AsyncIterable<Uint8Array>, { format: 'jsonl' })),
    ).toHaveLength(2);
  });

  it('yields the valid rows, then throws with the code and the first issues when some were invalid', async () => {
    const seen: string[] = [];
    const reader = readTaskFile(['prompt,temperature\na,1\nb,7\nc,0\n'], { format: 'csv' });
    const error = await failure(async () => {
      for await (const row of reader) seen.push(row.id);
    });
    expect(seen).toEqual(['1', '3']);
    expect(error).toMatchObject({
      code: 'E_VALIDATION_TYPE',
      message: '1 of 3 rows are invalid: row 2, temperature must be <= 2',
      issues: [{ row: 2, field: 'temperature', message: 'must be <= 2' }],
    });
  });

  it('says how many more issues there were in the error', async () => {
    const error = await failure(collect(readTaskFile(['id,prompt\n1,\n2,\n3,\n'], { format: 'csv' })));
    expect(error.message).toBe(
      '3 of 3 rows are invalid: row 1, prompt is required (or give messages) (and 2 more)',
    );
  });

  it('with skipInvalid, yields the valid rows and tells about each invalid one', async () => {
    const invalid: [number, FieldIssue[]][] = [];
    const reader = readTaskFile(
      asyncOfLines(
        '{"prompt":"a"}',
        '{"prompt":"b","temperature":9,"max_tokens":0}',
        'oops',
        '{"prompt":"d"}',
      ),
      {
        format: 'jsonl',
        skipInvalid: true,
        onInvalidRow: (row, issues) => invalid.push([row, issues]),
      },
    );
    const rows = await collect(reader);
    expect(rows.map((row) => row.id)).toEqual(['1', '4']);
    expect(invalid).toEqual([
      [
        2,
        [
          { row: 2, field: 'temperature', message: 'must be <= 2' },
          { row: 2, field: 'max_tokens', message: 'must be >= 1' },
        ],
      ],
      [3, [{ row: 3, field: '(row)', message: 'is not valid JSON' }]],
    ]);
    expect(reader.report).toMatchObject({
      total: 4,
      valid: 2,
      invalid: 2,
      code: 'E_VALIDATION',
      moreIssues: 0,
    });
  });

  it('keeps the report up to date while reading, reads only as far as it is iterated, and only once', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<string> {
      yield 'prompt\n';
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield `row ${i}\n`;
      }
    }
    const reader = readTaskFile(source(), { format: 'csv' });
    for await (const row of reader) {
      expect(reader.report.total).toBe(row.row);
      if (row.row === 3) break;
    }
    expect(pulled).toBeLessThan(10);
    expect(() => reader[Symbol.asyncIterator]()).toThrow('can be iterated only once');
  });

  it('round-trips 2,000 generated rows over 64 KiB: every prompt comes back byte for byte', async () => {
    const { formatCsvRecord } = await import('./csv-format');
    const prompts = generatedPrompts(2000);
    const text =
      formatCsvRecord(['id', 'prompt']) +
      prompts.map((prompt, i) => formatCsvRecord([`r${i}`, prompt])).join('');
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const rows = await collect(readTaskFile(file('round-trip.csv', bytes)));
    expect(rows).toHaveLength(2000);
    rows.forEach((row, i) => {
      expect(row.id).toBe(`r${i}`);
      expect(Buffer.from(row.prompt ?? '', 'utf8').equals(Buffer.from(prompts[i], 'utf8'))).toBe(true);
    });
  });
});

function asyncOfLines(...lines: string[]): AsyncIterable<string> {
  return asyncOf(lines.map((line) => `${line}\n`));
}

/** Prompts with quotes, commas, LF, CRLF, CR, spaces and unicode, from a fixed seed. */
function generatedPrompts(count: number): string[] {
  const parts = [
    '"',
    '""',
    ',',
    '\n',
    '\r\n',
    '\r',
    ' ',
    'word',
    'é',
    '日本語',
    '😀',
    '\uFEFF',
    '\t',
    "'",
    'a "quoted", text',
  ];
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: count }, (_, i) => {
    let prompt = `p${i}`;
    const length = 5 + (next() % 20);
    for (let k = 0; k < length; k++) prompt += parts[next() % parts.length];
    return prompt;
  });
}
