import { type DuplicatePrompt, type MockLlmStats } from './mock-llm-stats';

/** Counts what a mock receives and answers; see {@link MockLlmStats}. */
export class StatsRecorder {
  private stats: MockLlmStats = StatsRecorder.empty();
  private answered = new Map<string, number>();

  private static empty(): MockLlmStats {
    return {
      totalRequests: 0,
      byPath: {},
      chatCompletions: { ok: 0, rateLimited: 0, serverErrors: 0, clientErrors: 0, aborted: 0 },
      tokens: { prompt: 0, completion: 0 },
      inFlight: 0,
      maxInFlight: 0,
      promptsAnsweredTwice: 0,
      promptCounts: {},
    };
  }

  /** A request arrived at `route` (`"METHOD /path"`). */
  requestStarted(route: string): void {
    this.stats.totalRequests += 1;
    this.stats.byPath[route] = (this.stats.byPath[route] ?? 0) + 1;
    this.stats.inFlight += 1;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
  }

  /** A request is over: answered with `status`, or aborted when `status` is null. */
  requestEnded(isCompletion: boolean, status: number | null): void {
    this.stats.inFlight = Math.max(0, this.stats.inFlight - 1);
    if (!isCompletion) return;
    const completions = this.stats.chatCompletions;
    if (status === null) completions.aborted += 1;
    else if (status === 429) completions.rateLimited += 1;
    else if (status >= 500) completions.serverErrors += 1;
    else if (status >= 400) completions.clientErrors += 1;
    else completions.ok += 1;
  }

  /** Records a received prompt and returns how many times it has now been seen. */
  promptReceived(fingerprint: string): number {
    const count = (this.stats.promptCounts[fingerprint] ?? 0) + 1;
    this.stats.promptCounts[fingerprint] = count;
    return count;
  }

  /** A prompt was answered 200. */
  promptAnswered(fingerprint: string): void {
    const count = (this.answered.get(fingerprint) ?? 0) + 1;
    this.answered.set(fingerprint, count);
    if (count === 2) this.stats.promptsAnsweredTwice += 1;
  }

  /** Adds the usage of one 200 answer. */
  tokensUsed(prompt: number, completion: number): void {
    this.stats.tokens.prompt += prompt;
    this.stats.tokens.completion += completion;
  }

  /** A copy of the counters. */
  snapshot(): MockLlmStats {
    return structuredClone(this.stats);
  }

  /** Prompts seen more than once, most repeated first. */
  duplicates(): DuplicatePrompt[] {
    return Object.entries(this.stats.promptCounts)
      .filter(([, count]) => count > 1)
      .map(([fingerprint, count]) => ({ fingerprint, count }))
      .sort((a, b) => b.count - a.count || a.fingerprint.localeCompare(b.fingerprint));
  }

  /** Zeroes every counter but keeps the requests in flight, which are still open. */
  reset(): void {
    const inFlight = this.stats.inFlight;
    this.stats = StatsRecorder.empty();
    this.answered = new Map();
    this.stats.inFlight = inFlight;
    this.stats.maxInFlight = inFlight;
  }
}
