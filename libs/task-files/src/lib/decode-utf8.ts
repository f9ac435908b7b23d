import { GtrError } from '@gtr/domain';

const BOM = '\uFEFF';
const LF = 0x0a;

/**
 * Decodes UTF-8 chunks into text, strictly: a byte sequence that is not UTF-8 stops with
 * `E_FILE_READ` naming its line. A character split across two chunks is joined; a byte-order
 * mark at the very start is dropped (one anywhere else is kept as data). String chunks pass
 * through as they are.
 * @throws GtrError `E_FILE_READ` for invalid UTF-8.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  // ignoreBOM keeps a U+FEFF that starts a later chunk: only the file's first one is dropped.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Uint8Array | undefined;
  let lines = 1;
  let first = true;
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') {
      if (carry) throw notUtf8(lines);
      text = chunk;
    } else {
      let bytes = carry ? concat(carry, chunk) : chunk;
      const cut = completeLength(bytes);
      carry = cut < bytes.length ? bytes.slice(cut) : undefined;
      bytes = cut < bytes.length ? bytes.subarray(0, cut) : bytes;
      try {
        text = decoder.decode(bytes);
      } catch {
        throw notUtf8(lines + newlinesBefore(bytes, firstInvalidOffset(bytes)));
      }
      lines += newlinesBefore(bytes, bytes.length);
    }
    if (first && text.length > 0) {
      first = false;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  if (carry) throw notUtf8(lines);
}

/** How many bytes of `bytes` end on a character boundary: an incomplete last sequence is left out. */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? n - back : n;
  }
  return n;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte < 0x80) {
      i++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      if (byte === 0xe0) low = 0xa0; // overlong
      if (byte === 0xed) high = 0x9f; // surrogates
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      if (byte === 0xf0) low = 0x90; // overlong
      if (byte === 0xf4) high = 0x8f; // above U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function newlinesBefore(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function notUtf8(line: number): GtrError {
  return new GtrError('E_FILE_READ', `The file is not valid UTF-8 (line ${line}); save it as UTF-8`);
}
