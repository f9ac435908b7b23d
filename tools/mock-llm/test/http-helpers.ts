import OpenAI from 'openai';
import { type MockLlm } from '../src/start-mock-llm';

/** A chat request with one user message; spread it to add parameters. */
export function ask(content: string): { model: string; messages: OpenAI.ChatCompletionMessageParam[] } {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content }] };
}

/** POSTs a chat completion with fetch. */
export function postChat(
  mock: MockLlm,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
) {
  return fetch(`${mock.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

/** The admin API URL of `path` (e.g. `stats`). */
export function adminUrl(mock: MockLlm, path: string): string {
  return mock.url.replace(/\/v1$/, `/_mock/${path}`);
}

/** The real SDK pointed at the mock, without retries. */
export function sdk(mock: MockLlm, apiKey = 'sk-test', timeout?: number): OpenAI {
  return new OpenAI({ apiKey, baseURL: mock.url, maxRetries: 0, timeout });
}

/** Polls `check` until it holds (no fixed sleeps in specs). */
export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs `promise` expecting it to reject, and returns the error for inspection. */
export async function rejection<T = unknown>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected a rejection');
}
