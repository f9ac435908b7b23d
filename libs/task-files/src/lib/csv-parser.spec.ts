import { asyncOf, chunked, collect, failure } from '../../test/chunks';
import { CsvParser, parseCsv, type CsvRecord } from './csv-parser';

function parse(text: string, chunkSize = text.length || 1, options = {}): CsvRecord[] {
  const parser = new CsvParser(options);
  const records = chunked(text, chunkSize).flatMap((chunk) => parser.push(chunk));
  return [...records, ...parser.end()];
}

const cells = (text: string, chunkSize?: number): string[][] =>
  parse(text, chunkSize).map((record) => record.cells);

describe('CsvParser', () => {
  it.each<[string, string, string[][]]>([
    [
      'LF line ends',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR line ends',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no line break at the end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a comma in quotes', 'a,"b,c"\n', [['a', 'b,c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['only a doubled quote', '"""",x', [['"', 'x']]],
    ['LF inside quotes, kept', '"l1\nl2",x\n', [['l1\nl2', 'x']]],
    ['CRLF inside quotes, kept', '"l1\r\nl2",x\r\n', [['l1\r\nl2', 'x']]],
    ['a lone CR inside quotes, kept', '"l1\rl2",x', [['l1\rl2', 'x']]],
    ['empty cells', 'a,,c\n', [['a', '', 'c']]],
    ['a trailing comma', 'a,\n', [['a', '']]],
    ['a leading comma', ',b\n', [['', 'b']]],
    ['an empty quoted cell', '"",b\n', [['', 'b']]],
    [
      'empty lines skipped',
      '\n\na,b\n\n\r\n1,2\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'records of empty cells skipped',
      'a,b\n,\n"",""\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a quote inside an unquoted cell is text', 'ab"c,d"\n', [['ab"c', 'd"']]],
    ['spaces are kept', ' a , b \n', [[' a ', ' b ']]],
    ['unicode', 'é,日本,😀\n', [['é', '日本', '😀']]],
    ['text after a closing quote is kept', '"ab"c,d\n', [['abc', 'd']]],
    ['one cell, no line break', 'a', [['a']]],
    ['empty input', '', []],
    ['only line breaks', '\r\n\n\r', []],
  ])('%s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it('numbers rows from 0 (the header) and gives the line each record starts on', () => {
    const records = parse('id,prompt\n\n1,"two\nlines"\r\n2,x\n');
    expect(records.map(({ row, line }) => [row, line])).toEqual([
      [0, 1],
      [1, 3],
      [2, 5],
    ]);
  });

  it('marks the column of a cell with text after its closing quote', () => {
    const [record] = parse('a,"b"c,"d"e\n');
    expect(record.strayTextColumn).toBe(1);
    expect(record.cells).toEqual(['a', 'bc', 'de']);
    expect(parse('"a",b\n')[0].strayTextColumn).toBeUndefined();
  });

  it.each([
    [
      'a data row',
      'id,prompt\n1,ok\n2,"never\nclosed\n',
      'Row 2 (line 3) has a quote at line 3 that is never closed',
    ],
    ['the header', 'id,"prompt\n1,x\n', 'The header (line 1) has a quote at line 1 that is never closed'],
    [
      'a later line of a multi-line row',
      'a,b,c\nx,"multi\nline","open\n',
      'Row 1 (line 2) has a quote at line 3 that is never closed',
    ],
  ])('rejects a quote never closed in %s, naming the row it began on', async (_name, text, message) => {
    const error = await failure(() => parse(text));
    expect(error).toMatchObject({ code: 'E_FILE_FORMAT' });
    expect(error.message).toContain(message);
  });

  it('stops at maxRecordChars, hinting at an open quote when there is one', async () => {
    expect(cells('abcd,e\n', undefined)).toEqual([['abcd', 'e']]);
    const long = await failure(() => parse('a\nabcdefghij\n', 3, { maxRecordChars: 5 }));
    expect(long).toMatchObject({
      code: 'E_FILE_FORMAT',
      message: 'Row 1 (line 2) is longer than 5 characters',
    });
    const open = await failure(() => parse('a\n"abc\ndefghij', 2, { maxRecordChars: 5 }));
    expect(open.message).toBe(
      'Row 1 (line 2) is longer than 5 characters; is the quote at line 2 never closed?',
    );
    // The limit is per record: many short records are fine.
    expect(parse('ab\n'.repeat(100), 7, { maxRecordChars: 2 })).toHaveLength(100);
  });

  describe('chunk boundaries', () => {
    const tricky =
      'id,prompt,meta\r\n1,"a ""quoted"", word",x\r\n\r\n2,"multi\r\nline\nand\rCR",""\n3,plain,"""" \r4,"",\n5,é😀日,"x,y"\r\n"6","ab"c,end';
    const whole = parse(tricky);

    it('has a sample worth splitting', () => {
      expect(whole.map((record) => record.cells)).toEqual([
        ['id', 'prompt', 'meta'],
        ['1', 'a "quoted", word', 'x'],
        ['2', 'multi\r\nline\nand\rCR', ''],
        ['3', 'plain', '" '],
        ['4', '', ''],
        ['5', 'é😀日', 'x,y'],
        ['6', 'abc', 'end'],
      ]);
    });

    it('gives the same records for chunks of every size from 1 to the whole', () => {
      for (let size = 1; size <= tricky.length; size++) expect(parse(tricky, size)).toEqual(whole);
    });

    it('gives the same records when split in two at every position', () => {
      for (let at = 0; at <= tricky.length; at++) {
        const parser = new CsvParser();
        const records = [
          ...parser.push(tricky.slice(0, at)),
          ...parser.push(''),
          ...parser.push(tricky.slice(at)),
          ...parser.end(),
        ];
        expect(records).toEqual(whole);
      }
    });
  });

  it('parseCsv streams records from async chunks', async () => {
    const records = await collect(parseCsv(asyncOf(['a,"b', '\nc"\r', '\n1,2'])));
    expect(records.map((record) => record.cells)).toEqual([
      ['a', 'b\nc'],
      ['1', '2'],
    ]);
  });
});
