import { parseSse, type SseMessage } from './sse-parser';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(chunks: (string | Uint8Array)[]): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  for await (const message of parseSse(streamOf(chunks))) out.push(message);
  return out;
}

describe('parseSse', () => {
  it('parses event and data fields and ignores comments', async () => {
    await expect(collect([': ping\n\nevent: run.updated\ndata: {"a":1}\n\n'])).resolves.toEqual([
      { event: 'run.updated', data: '{"a":1}' },
    ]);
  });

  it('defaults the event name to message and joins data lines with a newline', async () => {
    await expect(collect(['data: one\ndata:two\ndata\n\n'])).resolves.toEqual([
      { event: 'message', data: 'one\ntwo\n' },
    ]);
  });

  it('reassembles lines split anywhere across chunks, CRLF split included', async () => {
    const text = 'event: run.updated\r\ndata: {"x":"é"}\r\n\r\nevent: other\rdata: 2\r\r';
    const bytes = new TextEncoder().encode(text);
    const oneByteChunks = Array.from(bytes, (b) => new Uint8Array([b]));
    await expect(collect(oneByteChunks)).resolves.toEqual([
      { event: 'run.updated', data: '{"x":"é"}' },
      { event: 'other', data: '2' },
    ]);
  });

  it('strips a leading BOM and keeps the last id', async () => {
    await expect(collect(['\uFEFFid: 7\ndata: a\n\nid: bad\0\ndata: b\n\n'])).resolves.toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
    ]);
  });

  it('resets the event name after each message and skips messages without data', async () => {
    await expect(collect(['event: a\n\nretry: 10\nunknown: x\ndata: d\n\n'])).resolves.toEqual([
      { event: 'message', data: 'd' },
    ]);
  });

  it('drops an unfinished message at the end of the stream', async () => {
    await expect(collect(['data: done\n\ndata: partial\n'])).resolves.toEqual([
      { event: 'message', data: 'done' },
    ]);
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const message of parseSse(body)) {
      expect(message.data).toBe('1');
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('rethrows a stream error', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new TypeError('terminated')),
    });
    const iterate = async (): Promise<void> => {
      for await (const _ of parseSse(body)) {
        // nothing arrives
      }
    };
    await expect(iterate()).rejects.toThrow('terminated');
  });
});
