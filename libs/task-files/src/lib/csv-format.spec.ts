import { CsvParser } from './csv-parser';
import { formatCsvCell, formatCsvRecord } from './csv-format';

const parseBack = (text: string): string[][] => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()].map((record) => record.cells);
};

describe('formatCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['l1\nl2', '"l1\nl2"'],
    ['l1\r\nl2', '"l1\r\nl2"'],
    ['cr\r', '"cr\r"'],
    [' spaced ', ' spaced '],
    ['é 日本 😀', 'é 日本 😀'],
    ["it's", "it's"],
  ])('%j → %j', (value, cell) => {
    expect(formatCsvCell(value)).toBe(cell);
  });

  it.each([
    'plain',
    'a,b',
    'say "hi"',
    '"',
    '""',
    'l1\nl2',
    'l1\r\nl2',
    '\r',
    '\n',
    ',',
    ' x ',
    'é,😀\r\n"日本"',
    '\uFEFF',
    '"a"b',
    'ab"c',
  ])('reads back %j byte for byte', (value) => {
    const [[first, cell, last]] = parseBack(formatCsvRecord(['x', value, 'y']));
    expect([first, last]).toEqual(['x', 'y']);
    expect(Buffer.from(cell).equals(Buffer.from(value))).toBe(true);
  });
});

describe('formatCsvRecord', () => {
  it('joins the cells with commas and ends with CRLF', () => {
    expect(formatCsvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});
