import { asyncOf, chunked, collect, failure } from '../../test/chunks';
import { decodeUtf8 } from './decode-utf8';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = async (chunks: (Uint8Array | string)[]): Promise<string> =>
  (await collect(decodeUtf8(asyncOf(chunks)))).join('');
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeUtf8', () => {
  const sample = 'id,prompt\n1,"é 日本 😀 \uFEFF ok"\r\n';

  it('joins characters split across chunks, at every byte position and chunk size', async () => {
    const encoded = utf8(sample);
    for (let size = 1; size <= 8; size++) expect(await decode(chunked(encoded, size))).toBe(sample);
    for (let at = 0; at <= encoded.length; at++) {
      expect(await decode([encoded.subarray(0, at), encoded.subarray(at)])).toBe(sample);
    }
  });

  it('drops a byte-order mark only at the very start', async () => {
    expect(await decode([utf8('\uFEFFa,b\n')])).toBe('a,b\n');
    expect(await decode([bytes(0xef, 0xbb), bytes(0xbf, 0x61)])).toBe('a');
    expect(await decode([new Uint8Array(0), utf8('\uFEFFa')])).toBe('a');
    expect(await decode([utf8('a'), utf8('\uFEFFb')])).toBe('a\uFEFFb');
    expect(await decode(['\uFEFFtext', ' more'])).toBe('text more');
  });

  it('passes string chunks through', async () => {
    expect(await decode(['a,', 'b\n', utf8('é')])).toBe('a,b\né');
  });

  it.each([
    ['a byte that starts nothing', [utf8('a\nb\n'), bytes(0x61, 0xff)], 3],
    ['a lone continuation byte', [bytes(0x0a, 0x80)], 2],
    ['an overlong encoding', [utf8('ok\n'), bytes(0xc0, 0x80)], 2],
    ['an overlong 3-byte encoding', [bytes(0xe0, 0x80, 0x80)], 1],
    ['an overlong 4-byte encoding', [bytes(0xf0, 0x80, 0x80, 0x80)], 1],
    ['a surrogate', [bytes(0x0a, 0x0a, 0xed, 0xa0, 0x80)], 3],
    ['a code point above U+10FFFF', [bytes(0xf4, 0x90, 0x80, 0x80)], 1],
    ['a broken 3-byte sequence', [bytes(0xe6, 0x41, 0x41)], 1],
    ['a broken 4-byte sequence', [bytes(0xf0, 0x9f, 0x98, 0x41)], 1],
    ['a sequence cut off at the end', [utf8('a\n'), bytes(0xe6, 0x97)], 2],
    ['a cut sequence followed by text', [bytes(0xe6, 0x97), 'text'], 1],
    ['a lead byte at the end of a valid chunk', [utf8('ab\ncd\n'), bytes(0x61, 0xe6), bytes(0x41, 0x0a)], 3],
  ])('rejects %s with E_FILE_READ naming the line', async (_name, chunks, line) => {
    const error = await failure(decode(chunks));
    expect(error).toMatchObject({
      code: 'E_FILE_READ',
      message: `The file is not valid UTF-8 (line ${line}); save it as UTF-8`,
    });
  });
});
