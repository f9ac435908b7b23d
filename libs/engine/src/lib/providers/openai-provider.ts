import OpenAI from 'openai';
import { classifyError } from '../errors/classify-error';
import { ProviderError } from '../errors/provider-error';
import { type CompletionRequest, type CompletionResult, type Provider } from '../provider/provider';
import { toChatCompletionBody } from './openai-request';
import { toCompletionResult } from './openai-response';

/** The public OpenAI endpoint, used when no `baseURL` is given. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Options of {@link createOpenAIProvider}. */
export interface OpenAIProviderOptions {
  name: string;
  apiKey: string;
  /** Any OpenAI-compatible endpoint; defaults to {@link OPENAI_DEFAULT_BASE_URL}. */
  baseURL?: string;
  defaultHeaders?: Record<string, string>;
  /**
   * Ceiling per call in milliseconds, on top of the caller's signal (E_TIMEOUT when reached).
   * The engine's per-attempt timeout (`executeAttempt`) is the one to tune; this is a backstop
   * for direct use. Absent: the SDK's own 10-minute limit.
   */
  timeoutMs?: number;
}

/**
 * A provider for OpenAI and OpenAI-compatible servers, on the official SDK's Chat Completions
 * API. The SDK never retries (`maxRetries: 0`): retries, backoff and rate limiting belong to
 * the engine, which sees every attempt.
 */
export class OpenAIProvider implements Provider {
  readonly name: string;
  // Private fields stay out of `console.log`, `util.inspect` and JSON: the client holds the key.
  readonly #client: OpenAI;
  readonly #apiKey: string;
  readonly #timeoutMs: number | null;

  constructor(options: OpenAIProviderOptions) {
    this.name = options.name;
    this.#apiKey = options.apiKey;
    this.#timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : null;
    // Options the SDK would otherwise read from process.env are set explicitly:
    // configuration comes from libs/config only.
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL,
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
      defaultHeaders: options.defaultHeaders,
      maxRetries: 0,
      logLevel: 'off',
    });
  }

  async complete(req: CompletionRequest, signal: AbortSignal): Promise<CompletionResult> {
    // Our own deadline rather than the SDK's `timeout`: which signal fired tells a timeout
    // from a cancellation without depending on how the fetch implementation reports aborts.
    const deadline = this.#timeoutMs ? AbortSignal.timeout(this.#timeoutMs) : null;
    let raw: { data: unknown; response: Response };
    try {
      raw = await this.#client.chat.completions
        .create(toChatCompletionBody(req), {
          signal: deadline ? AbortSignal.any([signal, deadline]) : signal,
        })
        .withResponse();
    } catch (err) {
      if (deadline?.aborted && !signal.aborted) {
        throw new ProviderError('E_TIMEOUT', `The provider did not answer within ${this.#timeoutMs} ms.`);
      }
      throw classifyError(err, { secrets: [this.#apiKey] });
    }
    return toCompletionResult(req, raw);
  }
}

/** Creates an {@link OpenAIProvider}. */
export function createOpenAIProvider(options: OpenAIProviderOptions): OpenAIProvider {
  return new OpenAIProvider(options);
}
