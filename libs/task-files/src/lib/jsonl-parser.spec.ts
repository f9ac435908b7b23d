import { asyncOf, chunked, collect, failure } from '../../test/chunks';
import { JsonlParser, parseJsonl, type JsonlRecord } from './jsonl-parser';

function parse(text: string, chunkSize = text.length || 1, options = {}): JsonlRecord[] {
  const parser = new JsonlParser(options);
  const records = chunked(text, chunkSize).flatMap((chunk) => parser.push(chunk));
  return [...records, ...parser.end()];
}

describe('JsonlParser', () => {
  it.each<[string, string, unknown[]]>([
    ['LF lines', '{"a":1}\n{"a":2}\n', [{ a: 1 }, { a: 2 }]],
    ['CRLF lines', '{"a":1}\r\n{"a":2}\r\n', [{ a: 1 }, { a: 2 }]],
    ['no line break at the end', '{"a":1}\n{"a":2}', [{ a: 1 }, { a: 2 }]],
    ['blank and whitespace lines skipped', '\n{"a":1}\n  \n\t\r\n{"a":2}\n\n', [{ a: 1 }, { a: 2 }]],
    ['any JSON value', '[1]\n"s"\nnull\n', [[1], 's', null]],
    ['escaped line breaks inside strings', '{"p":"a\\nb\\r\\nc"}\n', [{ p: 'a\nb\r\nc' }]],
    ['unicode', '{"p":"é 😀"}', [{ p: 'é 😀' }]],
    ['empty input', '', []],
  ])('%s', (_name, text, values) => {
    expect(parse(text).map((record) => record.value)).toEqual(values);
  });

  it('numbers rows among non-blank lines and keeps the line of each', () => {
    expect(parse('\n{"a":1}\n\n{"a":2}\n').map(({ row, line }) => [row, line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });

  it('turns a line that is not JSON into a record with an error, and goes on', () => {
    const records = parse('{"a":1}\n{"a":\n{"a":3}\n');
    expect(records).toEqual([
      { row: 1, line: 1, value: { a: 1 } },
      { row: 2, line: 2, error: expect.stringMatching(/^is not valid JSON/) },
      { row: 3, line: 3, value: { a: 3 } },
    ]);
    expect(parse('{"a" 1}')[0].error).toBe('is not valid JSON (at character 6)');
  });

  it('gives the same records for chunks of every size', () => {
    const text = '{"id":"1","p":"é😀 \\" x"}\r\n\r\n{"id":2}\nnot json\n{"id":3}';
    const whole = parse(text);
    expect(whole).toHaveLength(4);
    for (let size = 1; size <= text.length; size++) expect(parse(text, size)).toEqual(whole);
  });

  it('stops at maxRecordChars, in one chunk or across chunks', async () => {
    expect(parse('{"a":1}\n', undefined, { maxRecordChars: 7 })).toHaveLength(1);
    const oneChunk = await failure(() => parse('{"a":1}\n{"a":12345}\n', undefined, { maxRecordChars: 7 }));
    expect(oneChunk).toMatchObject({
      code: 'E_FILE_FORMAT',
      message: 'Row 2 (line 2) is longer than 7 characters',
    });
    const across = await failure(() => parse('{"a":"1234567890"}', 3, { maxRecordChars: 7 }));
    expect(across).toMatchObject({
      code: 'E_FILE_FORMAT',
      message: 'Row 1 (line 1) is longer than 7 characters',
    });
  });

  it('parseJsonl streams records from async chunks', async () => {
    const records = await collect(parseJsonl(asyncOf(['{"a"', ':1}\n{"a":2', '}'])));
    expect(records.map((record) => record.value)).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
