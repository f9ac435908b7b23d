import { type CreateRunInput } from '@gtr/data';

/** A valid run to insert: the dry-run provider, one user message; override what a test needs. */
export function makeRunInput(overrides: Partial<CreateRunInput> = {}): CreateRunInput {
  return {
    provider: 'dry-run',
    model: 'dry-run-1',
    messages: [{ role: 'user', content: 'Say hello' }],
    timeoutMs: 30_000,
    ...overrides,
  };
}
