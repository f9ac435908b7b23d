import { type ClaimedRun } from '@gtr/data';
import {
  type AttemptOutcome,
  type CompletionRequest,
  type ConcurrencyController,
  type Provider,
  type RateLimitRule,
  type RateLimiter,
  ProviderError,
  loadSignalOf,
  rateLimitCostOf,
  rateLimitKey,
  recordRateLimitOutcome,
  resolveRateLimits,
} from '@gtr/engine';
import { type Logger } from '@gtr/telemetry';

/** A provider call's outcome and how long it waited for a slot and for the rate limiter. */
export type PacedOutcome = AttemptOutcome & { waitedMs: number };

/**
 * Paces provider calls: an adaptive concurrency slot per provider and model (fewer calls in
 * flight during a 429/5xx storm, more as it heals), then the shared rate limiter (requests and
 * tokens per minute, configured or learned, spread over the window), then the call; what the
 * provider answered (headers, usage, 429s) goes back to the limiter. Free providers are not paced.
 */
export class RunPacer {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly concurrency: ConcurrencyController,
    private readonly rules: readonly RateLimitRule[],
    private readonly logger: Logger,
  ) {}

  async call(
    provider: Provider,
    run: ClaimedRun,
    request: CompletionRequest,
    signal: AbortSignal,
    send: () => Promise<AttemptOutcome>,
  ): Promise<PacedOutcome> {
    if (provider.free) return { ...(await send()), waitedMs: 0 };
    const key = rateLimitKey(run.provider, run.model);
    const cost = rateLimitCostOf(request);
    const started = Date.now();
    let permit: Awaited<ReturnType<ConcurrencyController['acquire']>>;
    try {
      permit = await this.concurrency.acquire(key, signal);
    } catch (error) {
      return this.notSent(error, signal, started);
    }
    let outcome: AttemptOutcome | null = null;
    try {
      try {
        await this.limiter.acquire(key, cost, resolveRateLimits(this.rules, run.provider, run.model), signal);
      } catch (error) {
        return this.notSent(error, signal, started);
      }
      const waitedMs = Date.now() - started;
      outcome = await send();
      await recordRateLimitOutcome(this.limiter, key, cost, outcome).catch((err: unknown) =>
        this.logger.warn({ err, runId: run.runId }, 'rate limiter update failed'),
      );
      return { ...outcome, waitedMs };
    } finally {
      permit.release(outcome ? loadSignalOf(outcome) : 'neutral');
    }
  }

  /** No call was made: cancelled (or the worker stopping) while waiting, or the limiter failed. */
  private notSent(error: unknown, signal: AbortSignal, started: number): PacedOutcome {
    const waitedMs = Date.now() - started;
    if (signal.aborted) {
      return {
        ok: false,
        error: new ProviderError('E_CANCELLED', 'Cancelled while waiting for the rate limiter.'),
        latencyMs: 0,
        waitedMs,
      };
    }
    this.logger.error({ err: error }, 'rate limiter unavailable; the attempt is retried later');
    return {
      ok: false,
      error: new ProviderError('E_SYSTEM_QUEUE', 'The rate limiter (Redis) is unavailable.'),
      latencyMs: 0,
      waitedMs,
    };
  }
}
