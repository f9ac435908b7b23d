import { type CachedResponse, type ClaimedRun, type ResponseCacheRepository } from '@gtr/data';
import { type CompletionResult, cacheKeyOf } from '@gtr/engine';
import { type Logger } from '@gtr/telemetry';

/**
 * The opt-in response cache as the executor uses it. A run opts in with a TTL; its key covers
 * provider, model, messages, params and output schema. The cache never fails a run: a read or
 * write error is logged and treated as a miss.
 */
export class RunCache {
  constructor(
    private readonly repository: ResponseCacheRepository,
    private readonly logger: Logger,
  ) {}

  /** The cached answer for this run, or null (not opted in, no entry, expired, or an error). */
  async lookup(run: ClaimedRun): Promise<CachedResponse | null> {
    if (run.cacheTtlSeconds === null) return null;
    try {
      return await this.repository.get(run.tenantId, keyOf(run), run.cacheTtlSeconds);
    } catch (err) {
      this.logger.warn({ err, runId: run.runId }, 'response cache read failed; calling the provider');
      return null;
    }
  }

  /** Stores a paid-for answer for later runs (even if this run was cancelled meanwhile). */
  async store(run: ClaimedRun, result: CompletionResult): Promise<void> {
    if (run.cacheTtlSeconds === null) return;
    try {
      await this.repository.put(
        run.tenantId,
        keyOf(run),
        {
          provider: run.provider,
          model: run.model,
          outputText: result.text,
          outputJson: result.json ?? null,
          finishReason: result.finishReason,
          usage: result.usage,
        },
        run.cacheTtlSeconds,
      );
    } catch (err) {
      this.logger.warn({ err, runId: run.runId }, 'response cache write failed');
    }
  }

  /** Deletes expired entries in slices; resolves to how many went. */
  async purge(limit = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.repository.purgeExpired(limit);
      total += deleted;
      if (deleted < limit) return total;
    }
  }
}

function keyOf(run: ClaimedRun): string {
  return cacheKeyOf({
    provider: run.provider,
    model: run.model,
    messages: run.messages,
    params: run.params,
    outputSchema: run.outputSchema,
  });
}
