import { type BenchOptions } from './bench-options';
import { type BenchDriver } from './worker-messages';

/** One benchmark run: a mock with limits, and a way to drive requests at it. */
export interface Scenario {
  /** The limit that binds: its throughput is measured against it. */
  binding: 'requests' | 'tokens';
  /** Per-minute limits of the mock (per-second quanta: limitWindow `second`). */
  rpm: number;
  tpm: number | null;
  driver: BenchDriver;
  /** Requests in total, split between the worker processes. */
  requests: number;
}

/** Estimated tokens per request as the mock charges them: prompt (~3) plus `max_tokens`. */
const PROMPT_TOKENS = 3;

/**
 * Two limit setups, each run with limits configured, with limits learned from headers and, for
 * contrast, without limiter: requests bound (RPM, no TPM) and tokens bound (TPM, with an RPM
 * high enough not to bind).
 */
export function scenarios(options: BenchOptions): Scenario[] {
  const drivers: BenchDriver[] = options.raw ? ['configured', 'learned', 'raw'] : ['configured', 'learned'];
  const requestBound = Math.max(2, Math.round((options.rpm / 60) * options.seconds));
  const tokenRate = options.tpm / 60 / (PROMPT_TOKENS + options.maxTokens);
  const tokenBound = Math.max(2, Math.round(tokenRate * options.seconds));
  const idleRpm = Math.ceil(tokenRate * 60 * 4);
  return [
    ...drivers.map((driver): Scenario => ({
      binding: 'requests',
      rpm: options.rpm,
      tpm: null,
      driver,
      requests: requestBound,
    })),
    ...drivers.map((driver): Scenario => ({
      binding: 'tokens',
      rpm: idleRpm,
      tpm: options.tpm,
      driver,
      requests: tokenBound,
    })),
  ];
}
