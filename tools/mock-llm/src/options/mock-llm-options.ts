import { type FaultKind } from '../faults/fault-kind';

/** `minute`: limits hold over any 60 s; `second`: rpm/60 and tpm/60 over any 1 s (quantised). */
export type LimitWindow = 'minute' | 'second';

/** Per-fault probability, 0..1, checked on every chat completion. */
export type FaultRates = Partial<Record<FaultKind, number>>;

/** Per-fault count of upcoming chat completions that fail with that fault. */
export type FaultCounts = Partial<Record<FaultKind, number>>;

/** The behaviour of a running mock; every field can be changed at run time. */
export interface MockLlmConfig {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; otherwise 401. */
  apiKey: string | null;
  /** Delay before answering a chat completion (time to first byte for streams). */
  latencyMs: number;
  /** Uniform jitter added to the latency: a value in [-jitterMs, +jitterMs]. */
  jitterMs: number;
  /** Requests per minute; `null` means unlimited. */
  rpm: number | null;
  /** Tokens per minute (prompt estimate + max tokens); `null` means unlimited. */
  tpm: number | null;
  limitWindow: LimitWindow;
  /** Completion tokens assumed by the TPM check when a request sets no max tokens. */
  defaultMaxTokens: number;
  /** Prompt + max tokens beyond this answer 400 `context_length_exceeded`. */
  contextWindowTokens: number;
  /** Every chat completion answers 429 `insufficient_quota`. */
  quotaExhausted: boolean;
  /** The ids `GET /v1/models` lists. Chat completions accept any model. */
  models: string[];
  faults: FaultRates;
  failNext: FaultCounts;
  /** The `retry-after` of an injected (not a real) 429. */
  faultRetryAfterMs: number;
  /**
   * How long a Batch API batch takes: `in_progress` after half of it, its lines answered and
   * the batch `completed` once it has passed (checked whenever the batch is read).
   */
  batchDelayMs: number;
  /** Seed of the random source behind jitter and fault probabilities; `null` = Math.random. */
  seed: number | null;
}

/** A partial change of the behaviour; `faults` and `failNext` merge per fault kind. */
export type MockLlmConfigPatch = Partial<MockLlmConfig>;

/** Options of {@link startMockLlm}: where to listen, plus the initial behaviour. */
export interface MockLlmOptions extends MockLlmConfigPatch {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /**
   * Milliseconds on a monotonic clock for the rate-limit windows (default
   * `performance.now`); specs pass a manual clock to step through windows without sleeping.
   */
  clock?: () => number;
}
