/** One Server-Sent Events message. */
export interface SseMessage {
  /** The `event:` field; `message` when the server sent none. */
  event: string;
  /** The `data:` lines, joined with `\n`. */
  data: string;
  /** The last `id:` seen on the stream, if any. */
  id?: string;
}

const LINE_END = /\r\n|\r|\n/;

/**
 * Parses a `text/event-stream` body as the HTML standard describes: `field: value` lines,
 * `:` comments ignored, a blank line dispatches the message, an unfinished message at the end
 * of the stream is dropped. Lines may end in LF, CRLF or CR, split anywhere across chunks.
 * Leaving the loop early cancels the body.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const state = new MessageBuilder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (let match = LINE_END.exec(buffer); match; match = LINE_END.exec(buffer)) {
        // A CR at the very end may be the first half of a CRLF still in flight.
        if (!done && match[0] === '\r' && match.index === buffer.length - 1) break;
        const message = state.line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        if (message) yield message;
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The fields seen since the last blank line. */
class MessageBuilder {
  private started = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  /** Takes one line; returns the message a blank line completes. */
  line(raw: string): SseMessage | null {
    const line = !this.started && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    this.started = true;
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return null;
  }

  private dispatch(): SseMessage | null {
    const message: SseMessage | null = this.data.length
      ? {
          event: this.event || 'message',
          data: this.data.join('\n'),
          ...(this.id === undefined ? {} : { id: this.id }),
        }
      : null;
    this.event = '';
    this.data = [];
    return message;
  }
}
