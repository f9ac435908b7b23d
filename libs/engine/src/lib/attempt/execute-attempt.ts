import { outputProblem } from '../output/validate-output';
import { classifyError } from '../errors/classify-error';
import { ProviderError } from '../errors/provider-error';
import { type CompletionRequest, type CompletionResult, type Provider } from '../provider/provider';

/** Options of {@link executeAttempt}. */
export interface AttemptOptions {
  /** Per-attempt deadline in milliseconds; absent, 0 or Infinity means none. */
  timeoutMs?: number;
  /** Aborts the attempt from outside (run cancelled, worker shutting down). */
  signal?: AbortSignal;
}

/** How one provider call ended. `latencyMs` is wall time from the call to its outcome. */
export type AttemptOutcome =
  | { ok: true; result: CompletionResult; latencyMs: number }
  | { ok: false; error: ProviderError; latencyMs: number };

/** setTimeout fires at once for delays above 2^31-1 ms, so longer deadlines count as none. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Calls `provider` once and never throws. The provider gets a signal that aborts on the outer
 * `signal` or after `timeoutMs`; the call is also raced against that signal, so a provider that
 * ignores it cannot hold the attempt open. A deadline gives E_TIMEOUT, an outer abort
 * E_CANCELLED, anything else is classified with `classifyError`.
 */
export async function executeAttempt(
  provider: Provider,
  request: CompletionRequest,
  options: AttemptOptions = {},
): Promise<AttemptOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const { timeoutMs, signal } = options;

  const controller = new AbortController();
  let timedOut = false;
  const onOuterAbort = () => controller.abort(signal?.reason);
  const timer =
    timeoutMs !== undefined && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException('The attempt timed out.', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', onOuterAbort, { once: true });

  try {
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(new DOMException('The attempt was aborted.', 'AbortError'));
      if (controller.signal.aborted) fail();
      else controller.signal.addEventListener('abort', fail, { once: true });
    });
    const result = await Promise.race([provider.complete(request, controller.signal), aborted]);
    const problem =
      request.outputSchema && result.json !== undefined
        ? outputProblem(request.outputSchema, result.json)
        : null;
    if (problem) {
      // Retryable per the taxonomy: a model often gets it right on the next try.
      return {
        ok: false,
        error: new ProviderError(
          'E_OUTPUT_INVALID',
          `The output does not match the output schema: ${problem}.`,
          {
            httpStatus: result.httpStatus,
            providerRequestId: result.providerRequestId,
          },
        ),
        latencyMs: latency(),
      };
    }
    return { ok: true, result, latencyMs: latency() };
  } catch (err) {
    return {
      ok: false,
      error: outcomeError(err, timedOut, signal?.aborted === true, timeoutMs),
      latencyMs: latency(),
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onOuterAbort);
  }
}

function outcomeError(
  err: unknown,
  timedOut: boolean,
  cancelled: boolean,
  timeoutMs: number | undefined,
): ProviderError {
  // The cause of an abort is known here; the provider may have reported it as anything.
  if (timedOut) return new ProviderError('E_TIMEOUT', `The provider did not answer within ${timeoutMs} ms.`);
  if (cancelled) return new ProviderError('E_CANCELLED', 'The provider call was cancelled.');
  return classifyError(err);
}
