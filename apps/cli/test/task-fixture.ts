import { type TaskView } from '@gtr/domain';

export function taskFixture(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: '9a1b2c3d-0000-4000-8000-000000000001',
    name: 'summarise',
    description: 'Summarises a document',
    version: 2,
    latestVersion: 2,
    messages: [
      { role: 'system', content: 'Answer in {{lang}}.' },
      { role: 'user', content: 'Summarise {{doc}}' },
    ],
    variables: ['lang', 'doc'],
    provider: null,
    model: 'gpt-4o-mini',
    params: { temperature: 0 },
    outputSchema: null,
    retryPolicy: {},
    timeoutMs: null,
    tags: ['nlp'],
    createdAt: '2025-05-01T12:00:00.000Z',
    versionCreatedAt: '2025-05-02T08:30:00.000Z',
    ...overrides,
  };
}
