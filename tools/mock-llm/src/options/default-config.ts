import { type MockLlmConfig } from './mock-llm-options';

/** The behaviour of a mock started without options: fast, unlimited, no faults. */
export const DEFAULT_CONFIG: Readonly<MockLlmConfig> = Object.freeze({
  apiKey: null,
  latencyMs: 0,
  jitterMs: 0,
  rpm: null,
  tpm: null,
  limitWindow: 'minute',
  defaultMaxTokens: 256,
  contextWindowTokens: 128_000,
  quotaExhausted: false,
  models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1', 'gpt-5-mini'],
  faults: {},
  failNext: {},
  faultRetryAfterMs: 1000,
  batchDelayMs: 1000,
  seed: null,
});
