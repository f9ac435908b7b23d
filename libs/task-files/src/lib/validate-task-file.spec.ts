import { MAX_PROMPT_CHARS } from '@gtr/domain';
import { collect, failure } from '../../test/chunks';
import { readTaskFile } from './read-task-file';
import { type TaskFileOptions } from './task-file-options';
import { validateTaskFile } from './validate-task-file';

const csv = (text: string, options: Partial<TaskFileOptions> = {}) =>
  validateTaskFile([text], { format: 'csv', ...options } as TaskFileOptions);
const jsonl = (text: string, options: Partial<TaskFileOptions> = {}) =>
  validateTaskFile([text], { format: 'jsonl', ...options } as TaskFileOptions);
const csvRows = (text: string) => collect(readTaskFile([text], { format: 'csv', skipInvalid: true }));
const jsonlRows = (text: string) => collect(readTaskFile([text], { format: 'jsonl', skipInvalid: true }));
const lines = (...objects: unknown[]) => objects.map((object) => JSON.stringify(object)).join('\n');

describe('validateTaskFile, ad-hoc rows', () => {
  it('reads a file of an earlier task runner as it is', async () => {
    const file = [
      'id,prompt,model,temperature,maxTokens,batch_id,idempotency_key,metadata',
      'task-1,"Write a limerick about tests",gpt-4o-mini,0.7,100,batch-9,key-1,"{""team"":""qa"",""n"":1}"',
      'task-2,"Explain CSV, briefly",gpt-4o,0,250,batch-9,key-2,',
    ].join('\n');
    expect(await csvRows(file)).toEqual([
      {
        row: 1,
        id: 'task-1',
        messages: [{ role: 'user', content: 'Write a limerick about tests' }],
        prompt: 'Write a limerick about tests',
        model: 'gpt-4o-mini',
        params: { temperature: 0.7, maxTokens: 100 },
        metadata: { team: 'qa', n: 1 },
        idempotencyKey: 'key-1',
        batchId: 'batch-9',
      },
      {
        row: 2,
        id: 'task-2',
        messages: [{ role: 'user', content: 'Explain CSV, briefly' }],
        prompt: 'Explain CSV, briefly',
        model: 'gpt-4o',
        params: { temperature: 0, maxTokens: 250 },
        metadata: {},
        idempotencyKey: 'key-2',
        batchId: 'batch-9',
      },
    ]);
    expect(await csv(file)).toEqual({
      format: 'csv',
      total: 2,
      valid: 2,
      invalid: 0,
      issues: [],
      moreIssues: 0,
      code: null,
      ignoredFields: [],
    });
  });

  it('reads the same rows from JSONL, with max_tokens, corr_id, system and messages', async () => {
    const file = lines(
      { id: 'a', prompt: 'Hi', system: 'Be brief', temperature: 0, max_tokens: 5, corr_id: 'c-1' },
      {
        id: 'b',
        messages: [
          { role: 'system', content: 's' },
          { role: 'user', content: 'u' },
        ],
        batchId: 'b-1',
        idempotencyKey: 'k',
      },
    );
    expect(await jsonlRows(file)).toEqual([
      {
        row: 1,
        id: 'a',
        messages: [
          { role: 'system', content: 'Be brief' },
          { role: 'user', content: 'Hi' },
        ],
        prompt: 'Hi',
        system: 'Be brief',
        params: { temperature: 0, maxTokens: 5 },
        metadata: {},
        corrId: 'c-1',
      },
      {
        row: 2,
        id: 'b',
        messages: [
          { role: 'system', content: 's' },
          { role: 'user', content: 'u' },
        ],
        params: {},
        metadata: {},
        idempotencyKey: 'k',
        batchId: 'b-1',
      },
    ]);
  });

  it('keeps temperature 0 and reads an empty CSV cell as absent', async () => {
    const [zero, empty] = await csvRows('prompt,temperature,max_tokens,model\nx,0,,\ny,,,\n');
    expect(zero.params).toEqual({ temperature: 0 });
    expect(empty.params).toEqual({});
    expect(empty.model).toBeUndefined();
    const [json] = await jsonlRows('{"prompt":"x","temperature":0,"model":null}');
    expect(json.params).toEqual({ temperature: 0 });
    expect(json).not.toHaveProperty('model');
  });

  it.each<[string, string, string, string]>([
    ['temperature above 2', 'prompt,temperature\nx,2.5', 'temperature', 'must be <= 2'],
    ['temperature below 0', 'prompt,temperature\nx,-0.1', 'temperature', 'must be >= 0'],
    ['temperature not a number', 'prompt,temperature\nx,abc', 'temperature', 'must be a number'],
    ['temperature with a unit', 'prompt,temperature\nx,1x', 'temperature', 'must be a number'],
    ['maxTokens not an integer', 'prompt,maxTokens\nx,1.5', 'maxTokens', 'must be an integer'],
    ['max_tokens of 0', 'prompt,max_tokens\nx,0', 'max_tokens', 'must be >= 1'],
    [
      'maxTokens and max_tokens',
      'prompt,maxTokens,max_tokens\nx,1,2',
      'max_tokens',
      'cannot be combined with maxTokens; give one of them',
    ],
    ['no prompt nor messages', 'id,model\n1,gpt-4o', 'prompt', 'is required (or give messages)'],
    ['an empty prompt cell', 'id,prompt\n1,', 'prompt', 'is required (or give messages)'],
    ['messages that are not JSON', 'messages\n[{oops', 'messages', 'is not valid JSON'],
    ['messages that are not an array', 'messages\n"{""role"":""user""}"', 'messages', 'must be a JSON array'],
    ['no messages', 'messages\n[]', 'messages', 'must hold at least one message'],
    [
      'a message with an unknown role',
      'messages\n"[{""role"":""robot"",""content"":""x""}]"',
      'messages.0.role',
      'must be one of "system", "user", "assistant"',
    ],
    ['a message without content', 'messages\n"[{""role"":""user""}]"', 'messages.0.content', 'is required'],
    [
      'a message with empty content',
      'messages\n"[{""role"":""user"",""content"":""""}]"',
      'messages.0.content',
      'must not be empty',
    ],
    [
      'prompt and messages',
      'prompt,messages\nx,"[{""role"":""user"",""content"":""y""}]"',
      'messages',
      'cannot be combined with prompt',
    ],
    [
      'system and messages',
      'system,messages\nx,"[{""role"":""user"",""content"":""y""}]"',
      'system',
      'cannot be combined with messages; add a system message instead',
    ],
    ['metadata that is not an object', 'prompt,metadata\nx,[1]', 'metadata', 'must be a JSON object'],
    ['metadata that is not JSON', 'prompt,metadata\nx,{team}', 'metadata', 'is not valid JSON'],
    [
      'a model name too long',
      `prompt,model\nx,${'m'.repeat(201)}`,
      'model',
      'must be at most 200 characters',
    ],
    [
      'an idempotency key too long',
      `prompt,idempotency_key\nx,${'k'.repeat(201)}`,
      'idempotency_key',
      'must be at most 200 characters',
    ],
    ['an id too long', `id,prompt\n${'i'.repeat(201)},x`, 'id', 'must be at most 200 characters'],
    [
      'a batch id too long',
      `batch_id,prompt\n${'b'.repeat(201)},x`,
      'batch_id',
      'must be at most 200 characters',
    ],
    [
      'both corr_id and corrId',
      'corr_id,corrId,prompt\na,b,x',
      'corrId',
      'cannot be combined with corr_id; give one of them',
    ],
    [
      'a prompt over the limit',
      `prompt\n${'p'.repeat(MAX_PROMPT_CHARS + 1)}`,
      'prompt',
      `is ${MAX_PROMPT_CHARS + 1} characters; the limit is ${MAX_PROMPT_CHARS}`,
    ],
    [
      'text after a closing quote',
      'id,prompt\n1,"a"b',
      'prompt',
      'has text after its closing quote: quote the whole cell and double each quote inside it',
    ],
    ['more cells than the header', 'id,prompt\n1,x,extra', '(row)', 'has 3 cells; the header has 2'],
  ])('CSV: %s', async (_name, file, field, message) => {
    const report = await csv(file);
    expect(report.issues).toEqual([{ row: 1, field, message }]);
    expect(report).toMatchObject({ total: 1, valid: 0, invalid: 1 });
  });

  it.each<[string, string, string, string]>([
    ['a temperature given as text', '{"prompt":"x","temperature":"0.7"}', 'temperature', 'must be a number'],
    ['an empty prompt', '{"prompt":""}', 'prompt', 'must not be empty'],
    ['a prompt that is not text', '{"prompt":42}', 'prompt', 'must be a string'],
    ['an id that is not an integer', '{"id":1.5,"prompt":"x"}', 'id', 'must be a string'],
    ['an empty id', '{"id":"","prompt":"x"}', 'id', 'must not be empty'],
    ['metadata that is text', '{"prompt":"x","metadata":"{}"}', 'metadata', 'must be a JSON object'],
    ['a line that is not an object', '["x"]', '(row)', 'must be a JSON object'],
    ['a line that is not JSON', '{"prompt":', '(row)', 'is not valid JSON'],
  ])('JSONL: %s', async (_name, file, field, message) => {
    const report = await jsonl(file);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ row: 1, field });
    expect(report.issues[0].message.startsWith(message)).toBe(true);
  });

  it('gives a row without an id its row number, and accepts integer ids in JSONL', async () => {
    const rows = await jsonlRows(lines({ prompt: 'a' }, { id: 7, prompt: 'b' }, { prompt: 'c' }));
    expect(rows.map((row) => row.id)).toEqual(['1', '7', '3']);
    const fromCsv = await csvRows('id,prompt\n,a\n\nx,b\n,c\n');
    expect(fromCsv.map((row) => [row.row, row.id])).toEqual([
      [1, '1'],
      [2, 'x'],
      [3, '3'],
    ]);
  });

  it('rejects a duplicate id, naming both rows, including an id that equals a row number', async () => {
    const report = await csv('id,prompt\na,1\nb,2\na,3\n,4\n4,5\nb,6\n');
    expect(report.issues).toEqual([
      { row: 3, field: 'id', message: 'duplicates the id "a" of row 1' },
      { row: 5, field: 'id', message: 'duplicates the id "4" of row 4' },
      { row: 6, field: 'id', message: 'duplicates the id "b" of row 2' },
    ]);
    expect(report).toMatchObject({ total: 6, valid: 3, invalid: 3, code: 'E_VALIDATION' });
  });

  it('finds a duplicate of an id whose row is invalid for another reason', async () => {
    const report = await csv('id,prompt,temperature\na,x,9\na,y,1\n');
    expect(report.issues).toEqual([
      { row: 1, field: 'temperature', message: 'must be <= 2' },
      { row: 2, field: 'id', message: 'duplicates the id "a" of row 1' },
    ]);
  });

  it('reports every issue of a row, in order', async () => {
    const report = await csv('id,prompt,temperature,max_tokens,metadata\n1,,3,0,[]\n');
    expect(report.issues.map((issue) => issue.field)).toEqual([
      'prompt',
      'temperature',
      'max_tokens',
      'metadata',
    ]);
    expect(report.code).toBe('E_VALIDATION');
  });

  it('keeps the first 100 issues and counts the rest', async () => {
    const file = [
      'prompt,temperature',
      ...Array.from({ length: 150 }, (_, i) => `p${i},${i % 2 ? 'abc' : '5'}`),
    ].join('\n');
    const report = await csv(file);
    expect(report).toMatchObject({
      total: 150,
      valid: 0,
      invalid: 150,
      moreIssues: 50,
      code: 'E_VALIDATION_TYPE',
    });
    expect(report.issues).toHaveLength(100);
    expect(report.issues[0]).toEqual({ row: 1, field: 'temperature', message: 'must be <= 2' });
    expect(report.issues[99]).toEqual({ row: 100, field: 'temperature', message: 'must be a number' });
    const fewer = await csv(file, { maxIssues: 3 });
    expect([fewer.issues.length, fewer.moreIssues]).toEqual([3, 147]);
  });

  it.each([
    ['missing fields only', 'E_VALIDATION_MISSING_FIELD', 'id,prompt\n1,\n2,\n'],
    ['wrong types only', 'E_VALIDATION_TYPE', 'prompt,temperature\nx,abc\ny,9\n'],
    ['both', 'E_VALIDATION', 'prompt,temperature\n,1\ny,9\n'],
    ['no issues', null, 'prompt\nx\n'],
  ])('sums up %s as %s', async (_name, code, file) => {
    expect((await csv(file)).code).toBe(code);
  });

  it('lists the columns and keys it ignores', async () => {
    expect((await csv('id,prompt,notes,category,\n1,x,n,c,\n')).ignoredFields).toEqual(['notes', 'category']);
    expect(
      (await jsonl(lines({ prompt: 'x', note: 1 }, { prompt: 'y', note: 2, tag: 't' }))).ignoredFields,
    ).toEqual(['note', 'tag']);
    const many = ['prompt', ...Array.from({ length: 30 }, (_, i) => `c${i}`)].join(',');
    expect((await csv(`${many}\nx\n`)).ignoredFields).toHaveLength(20);
  });

  it('reads a short CSV row as missing its last cells, and ignores columns without a name', async () => {
    const rows = await csvRows('prompt,,model\nx,ignored\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toHaveProperty('model');
  });

  it('reads columns named like Object properties as plain fields', async () => {
    const report = await csv('__proto__,constructor,prompt,toString\n{},x,hello,y\n');
    expect(report).toMatchObject({ valid: 1, ignoredFields: ['__proto__', 'constructor', 'toString'] });
    const [row] = await csvRows('constructor,prompt\nx,hello\n');
    expect(row.prompt).toBe('hello');
  });

  it.each([
    ['an empty file', '', 'The file has no rows'],
    ['a header without rows', 'id,prompt\r\n\r\n', 'The file has no rows'],
    [
      'a duplicate column',
      'id,prompt, id\n1,x,y\n',
      'The header names the column "id" twice (columns 1 and 3)',
    ],
    [
      'a quote never closed',
      'id,prompt\n1,"open\n2,x\n',
      'Row 1 (line 2) has a quote at line 2 that is never closed',
    ],
  ])('rejects %s with E_FILE_FORMAT', async (_name, file, message) => {
    const error = await failure(csv(file));
    expect(error).toMatchObject({ code: 'E_FILE_FORMAT' });
    expect(error.message).toContain(message);
  });
});

describe('validateTaskFile, task rows', () => {
  const task = { mode: 'task', variables: ['name', 'topic'] } as const;

  it('reads each row as the values of the task variables, with the reserved fields passed through', async () => {
    const file =
      'id,name,topic,notes,metadata,idempotency_key,corr_id\nr1,Ada,"math, mostly",n,"{""a"":1}",k1,c1\n,Bob,,,,,\n';
    const rows = await collect(readTaskFile([file], { format: 'csv', ...task }));
    expect(rows).toEqual([
      {
        row: 1,
        id: 'r1',
        params: {},
        metadata: { a: 1 },
        idempotencyKey: 'k1',
        corrId: 'c1',
        variables: { name: 'Ada', topic: 'math, mostly' },
      },
      { row: 2, id: '2', params: {}, metadata: {}, variables: { name: 'Bob', topic: '' } },
    ]);
    expect((await csv(file, task)).ignoredFields).toEqual(['notes']);
  });

  it('names each missing variable', async () => {
    const report = await csv('id,name\n1,Ada\n2,\n', task);
    expect(report.issues).toEqual([
      { row: 1, field: 'topic', message: 'is missing; the task uses {{topic}}' },
      { row: 2, field: 'topic', message: 'is missing; the task uses {{topic}}' },
    ]);
    expect(report.code).toBe('E_VALIDATION_MISSING_FIELD');
  });

  it('looks dotted variables up along their path, any JSON value counting but undefined', async () => {
    const options = { mode: 'task', variables: ['user.name', 'user.tags.0', 'count', 'id'] } as const;
    const rows = await collect(
      readTaskFile(
        [
          lines(
            { id: 'a', user: { name: 'Ada', tags: ['x'] }, count: 0 },
            { id: 'b', user: { name: null, tags: [false] }, count: null, extra: 1 },
          ),
        ],
        {
          format: 'jsonl',
          ...options,
        },
      ),
    );
    expect(rows.map((row) => row.variables)).toEqual([
      { user: { name: 'Ada', tags: ['x'] }, count: 0, id: 'a' },
      { user: { name: null, tags: [false] }, count: null, id: 'b' },
    ]);
    const report = await jsonl(
      lines({ user: 'Ada', count: 1, id: 'x' }, { user: { tags: [] }, id: 'y' }),
      options,
    );
    expect(report.issues.map((issue) => `${issue.row}:${issue.field}`)).toEqual([
      '1:user.name',
      '1:user.tags.0',
      '2:user.name',
      '2:user.tags.0',
      '2:count',
    ]);
  });

  it('checks the reserved fields with the API rules', async () => {
    const report = await csv(
      `name,topic,metadata,idempotency_key,id\na,b,[],${'k'.repeat(201)},\na,b,nope,,\n`,
      task,
    );
    expect(report.issues).toEqual([
      { row: 1, field: 'metadata', message: 'must be a JSON object' },
      { row: 1, field: 'idempotency_key', message: 'must be at most 200 characters' },
      { row: 2, field: 'metadata', message: 'is not valid JSON' },
    ]);
  });
});
