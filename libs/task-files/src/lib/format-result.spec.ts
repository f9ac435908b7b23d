import { collect } from '../../test/chunks';
import { type BatchRowResult } from './batch-row-result';
import { CsvParser } from './csv-parser';
import { formatResultCsv, RESULT_CSV_COLUMNS, RESULT_CSV_HEADER } from './format-result-csv';
import { formatResultJsonl } from './format-result-jsonl';
import { formatResults } from './format-results';

const succeeded: BatchRowResult = {
  id: 'task-1',
  success: true,
  response: { text: 'Roses are red,\r\nsay "hi"', json: null },
  error: null,
  errorCode: null,
  usage: { promptTokens: 12, completionTokens: 34, totalTokens: 46, cachedTokens: 0 },
  cost: 0.00000123,
  timings: {
    createdAt: '2025-05-01T12:00:00.000Z',
    startedAt: '2025-05-01T12:00:01.000Z',
    finishedAt: '2025-05-01T12:00:02.500Z',
    durationMs: 1500,
  },
  attempts: 1,
  metadata: { team: 'qa' },
  prompt: 'Write a poem, with "quotes"\nand lines',
  model: 'gpt-4o-mini',
  params: { temperature: 0, maxTokens: 100 },
};

const failed: BatchRowResult = {
  ...succeeded,
  id: 'task-2',
  success: false,
  response: null,
  error: 'The provider rate limit was exceeded.',
  errorCode: 'E_RATE_LIMIT',
  usage: null,
  cost: null,
  timings: { createdAt: '2025-05-01T12:00:00.000Z', startedAt: null, finishedAt: null, durationMs: null },
  attempts: 3,
  model: null,
  params: {},
};

const cellsOf = (text: string): string[][] => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()].map((record) => record.cells);
};

describe('formatResultJsonl', () => {
  it('writes one JSON line with every field, absent ones as null', () => {
    const line = formatResultJsonl(failed);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      id: 'task-2',
      success: false,
      response: null,
      error: 'The provider rate limit was exceeded.',
      errorCode: 'E_RATE_LIMIT',
      usage: null,
      cost: null,
      timings: failed.timings,
      attempts: 3,
      metadata: { team: 'qa' },
    });
  });

  it('keeps the text and the JSON of a response', () => {
    const json = JSON.parse(
      formatResultJsonl({ ...succeeded, response: { text: '{"a":1}', json: { a: 1 } } }),
    );
    expect(json.response).toEqual({ text: '{"a":1}', json: { a: 1 } });
    expect(
      JSON.parse(formatResultJsonl({ ...succeeded, response: { text: 'x', json: undefined } })).response,
    ).toEqual({ text: 'x', json: null });
    expect(JSON.parse(formatResultJsonl(succeeded)).usage).toEqual(succeeded.usage);
  });
});

describe('formatResultCsv', () => {
  it('has the header earlier task runners wrote, plus Error Code', () => {
    expect(RESULT_CSV_HEADER).toBe(
      'ID,Success,Response,Error,Error Code,Prompt Tokens,Completion Tokens,Total Tokens,Cost,Timestamp,Prompt,Model,Temperature,Max Tokens\r\n',
    );
  });

  it('writes a succeeded row with quoting that reads back exactly', () => {
    const [cells] = cellsOf(formatResultCsv(succeeded));
    expect(Object.fromEntries(RESULT_CSV_COLUMNS.map((column, i) => [column, cells[i]]))).toEqual({
      ID: 'task-1',
      Success: 'true',
      Response: 'Roses are red,\r\nsay "hi"',
      Error: '',
      'Error Code': '',
      'Prompt Tokens': '12',
      'Completion Tokens': '34',
      'Total Tokens': '46',
      Cost: '0.00000123',
      Timestamp: '2025-05-01T12:00:02.500Z',
      Prompt: 'Write a poem, with "quotes"\nand lines',
      Model: 'gpt-4o-mini',
      Temperature: '0',
      'Max Tokens': '100',
    });
  });

  it('leaves unknown numbers empty for a failed row and dates it by its creation', () => {
    const [cells] = cellsOf(formatResultCsv(failed));
    expect(cells).toEqual([
      'task-2',
      'false',
      '',
      'The provider rate limit was exceeded.',
      'E_RATE_LIMIT',
      '',
      '',
      '',
      '',
      '2025-05-01T12:00:00.000Z',
      succeeded.prompt,
      '',
      '',
      '',
    ]);
  });

  it.each<[number, string]>([
    [0, '0'],
    [12, '12'],
    [0.5, '0.5'],
    [1.23e-7, '0.000000123'],
    [1e-11, '0'],
  ])('writes a cost of %d as %s', (cost, cell) => {
    expect(cellsOf(formatResultCsv({ ...succeeded, cost }))[0][8]).toBe(cell);
  });

  it('writes the JSON of a response without text', () => {
    expect(
      cellsOf(formatResultCsv({ ...succeeded, response: { text: null, json: { a: [1, 'x,y'] } } }))[0][2],
    ).toBe('{"a":[1,"x,y"]}');
    expect(cellsOf(formatResultCsv({ ...succeeded, response: { text: null, json: null } }))[0][2]).toBe('');
  });
});

describe('formatResults', () => {
  it('streams a CSV file: header, then a record per result', async () => {
    const text = (await collect(formatResults([succeeded, failed], 'csv'))).join('');
    const rows = cellsOf(text);
    expect(rows.map((row) => row[0])).toEqual(['ID', 'task-1', 'task-2']);
    expect(text.startsWith(RESULT_CSV_HEADER)).toBe(true);
  });

  it('streams a JSONL file from an async source: a line per result', async () => {
    async function* results(): AsyncGenerator<BatchRowResult> {
      yield succeeded;
      yield failed;
    }
    const lines = await collect(formatResults(results(), 'jsonl'));
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(['task-1', 'task-2']);
  });
});
