export { startMockLlm, type MockLlm } from './start-mock-llm';
export {
  type MockLlmOptions,
  type MockLlmConfig,
  type MockLlmConfigPatch,
  type LimitWindow,
  type FaultRates,
  type FaultCounts,
} from './options/mock-llm-options';
export { DEFAULT_CONFIG } from './options/default-config';
export { FAULT_KINDS, type FaultKind } from './faults/fault-kind';
export { type MockLlmStats, type DuplicatePrompt } from './stats/mock-llm-stats';
export { promptFingerprint } from './completions/prompt-fingerprint';
export { estimateTokens, estimatePromptTokens } from './completions/token-estimate';
export { plainAnswer, answerText } from './completions/answer-text';
export { formatOpenAiDuration } from './limits/openai-duration';
export { runCli } from './cli/run-cli';
