import { type MockLlmConfig, type MockLlmConfigPatch } from './mock-llm-options';

/**
 * Returns `config` changed by `patch`. Top-level fields are replaced; `faults` and `failNext`
 * merge per fault kind so one fault can be tuned without restating the others.
 */
export function applyConfigPatch(config: MockLlmConfig, patch: MockLlmConfigPatch): MockLlmConfig {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return {
    ...config,
    ...defined,
    models: [...(patch.models ?? config.models)],
    faults: { ...config.faults, ...patch.faults },
    failNext: { ...config.failNext, ...patch.failNext },
  };
}
