import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/** One request the fake server received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** What the fake server answers to the next request. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string;
  /** Never answer (until the client goes away or the server closes). */
  hang?: boolean;
}

/** A tiny OpenAI-shaped HTTP server for provider specs: records requests, replays scripted replies. */
export interface FakeOpenAIServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** Queue replies; when the queue is empty the server answers with {@link completion}(). */
  reply(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : {},
      });
      send(res, queue.shift() ?? { json: completion() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (reply.hang) return;
  const body = reply.raw ?? JSON.stringify(reply.json ?? {});
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

/** A Chat Completions body with one choice. */
export function completion(
  overrides: {
    content?: string | null;
    finishReason?: string;
    refusal?: string | null;
    usage?: Record<string, unknown>;
  } = {},
): unknown {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: overrides.content === undefined ? 'hello' : overrides.content,
          refusal: overrides.refusal ?? null,
        },
        finish_reason: overrides.finishReason ?? 'stop',
      },
    ],
    usage: overrides.usage ?? {
      prompt_tokens: 12,
      completion_tokens: 3,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 8 },
    },
  };
}
