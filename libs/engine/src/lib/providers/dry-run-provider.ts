import { type ChatMessage } from '@gtr/domain';
import { ProviderError } from '../errors/provider-error';
import { type CompletionRequest, type CompletionResult, type Provider } from '../provider/provider';
import { estimateTokens } from './estimate-tokens';
import { sampleFromSchema } from './sample-from-schema';

/** The name the dry-run provider answers to unless configured otherwise. */
export const DRY_RUN_PROVIDER_NAME = 'dry-run';

/** How much of the last user message the dry-run answer echoes. */
const ECHO_CHARS = 80;

/** Options of {@link createDryRunProvider}. */
export interface DryRunProviderOptions {
  /** Defaults to {@link DRY_RUN_PROVIDER_NAME}. */
  name?: string;
  /** Simulated latency per call, in milliseconds (default 0). */
  latencyMs?: number;
}

/**
 * A provider that never leaves the process: the same request always gets the same answer,
 * `[dry-run] <model>: <first 80 chars of the last user message>`, or with an output schema a
 * JSON value that satisfies the schema. Usage is estimated with {@link estimateTokens}; cost is 0.
 * `maxTokens` is honoured: a longer answer is cut and reports `finishReason: 'length'`.
 */
export class DryRunProvider implements Provider {
  readonly name: string;
  readonly free = true;
  readonly #latencyMs: number;

  constructor(options: DryRunProviderOptions = {}) {
    this.name = options.name ?? DRY_RUN_PROVIDER_NAME;
    this.#latencyMs = Math.max(0, options.latencyMs ?? 0);
  }

  async complete(req: CompletionRequest, signal: AbortSignal): Promise<CompletionResult> {
    await delay(this.#latencyMs, signal);

    const echo = `[dry-run] ${req.model}: ${lastUserContent(req.messages).slice(0, ECHO_CHARS)}`;
    let text = echo;
    let json: unknown;
    let finishReason = 'stop';
    if (req.outputSchema) {
      json = sampleFromSchema(req.outputSchema, echo);
      text = JSON.stringify(json);
    } else if (req.params.maxTokens !== undefined && estimateTokens(text) > req.params.maxTokens) {
      text = text.slice(0, req.params.maxTokens * 4);
      finishReason = 'length';
    }

    const promptTokens = req.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
    const completionTokens = estimateTokens(text);
    return {
      text,
      ...(req.outputSchema ? { json } : {}),
      usage: {
        promptTokens,
        completionTokens,
        totalTokens: promptTokens + completionTokens,
        cachedTokens: 0,
      },
      finishReason,
      providerRequestId: `dry-run-${fnv1a(JSON.stringify([req.model, req.messages, req.params, req.outputSchema ?? null]))}`,
      httpStatus: 200,
      rateLimit: null,
    };
  }
}

/** Creates a {@link DryRunProvider}. */
export function createDryRunProvider(options: DryRunProviderOptions = {}): DryRunProvider {
  return new DryRunProvider(options);
}

function lastUserContent(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return messages[i].content;
  return messages.at(-1)?.content ?? '';
}

/** Waits `ms` (0: one macrotask), rejecting with E_CANCELLED as soon as `signal` aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new ProviderError('E_CANCELLED', 'The provider call was cancelled.');
    if (signal.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** 32-bit FNV-1a as 8 hex digits: a stable id for a request, not a security hash. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
