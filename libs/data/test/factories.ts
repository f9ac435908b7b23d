import { type CreateRunInput } from '../src/lib/runs/create-run-input';

export function makeRunInput(overrides: Partial<CreateRunInput> = {}): CreateRunInput {
  return {
    provider: 'dry-run',
    model: 'dry-run-1',
    messages: [{ role: 'user', content: 'Say hello' }],
    timeoutMs: 30_000,
    ...overrides,
  };
}
