/** Counters of a mock since start or the last reset. Admin (`/_mock/*`) calls are not counted. */
export interface MockLlmStats {
  /** Every request to the OpenAI surface, answered, failed or aborted. */
  totalRequests: number;
  /** Requests per `"METHOD /path"`, e.g. `"POST /v1/chat/completions"`. */
  byPath: Record<string, number>;
  /** Chat completions by outcome. */
  chatCompletions: {
    /** Answered 200 (content-filtered and malformed answers included). */
    ok: number;
    /** Answered 429: real limits, quota and injected. */
    rateLimited: number;
    /** Answered 5xx. */
    serverErrors: number;
    /** Answered 4xx other than 429 (401, 400 context length, bad requests). */
    clientErrors: number;
    /** The client went away before an answer (hangs, aborts during latency). */
    aborted: number;
  };
  /** Tokens of the 200 answers, as reported in their usage. */
  tokens: { prompt: number; completion: number };
  /** Requests being handled now, and the most at once. */
  inFlight: number;
  maxInFlight: number;
  /**
   * Prompts answered (200) more than once: work the provider did twice. Unlike `duplicates()`,
   * a prompt sent again after a 429 or a 5xx is not counted, only one answered twice.
   */
  promptsAnsweredTwice: number;
  /** Times each prompt fingerprint (see `promptFingerprint`) was received. */
  promptCounts: Record<string, number>;
}

/** A prompt received more than once. */
export interface DuplicatePrompt {
  fingerprint: string;
  count: number;
}
