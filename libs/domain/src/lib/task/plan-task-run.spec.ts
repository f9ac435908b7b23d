import { GtrError } from '../gtr-error';
import { MAX_PROMPT_CHARS } from '../run-request';
import { planTaskRun } from './plan-task-run';
import { type TaskView } from './task-view';

const task: TaskView = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'summarise',
  description: null,
  version: 3,
  latestVersion: 4,
  messages: [
    { role: 'system', content: 'Answer in {{lang}}.' },
    { role: 'user', content: 'Summarise {{doc.text}}' },
  ],
  variables: ['lang', 'doc.text'],
  provider: 'dry-run',
  model: 'm1',
  params: { temperature: 0, maxTokens: 50 },
  outputSchema: { type: 'object' },
  retryPolicy: { maxAttempts: 5 },
  timeoutMs: 9000,
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  versionCreatedAt: '2026-01-02T00:00:00.000Z',
};

describe('planTaskRun', () => {
  it('renders the template and takes everything else from the task version', () => {
    expect(planTaskRun(task, { input: { lang: 'French', doc: { text: 'Bonjour' } } })).toEqual({
      taskId: task.id,
      taskVersion: 3,
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Summarise Bonjour' },
      ],
      input: { lang: 'French', doc: { text: 'Bonjour' } },
      provider: 'dry-run',
      model: 'm1',
      params: { temperature: 0, maxTokens: 50 },
      outputSchema: { type: 'object' },
      timeoutMs: 9000,
      maxAttempts: 5,
    });
  });

  it('replaces the model and merges params key by key', () => {
    const plan = planTaskRun(task, {
      input: { lang: 'x', doc: { text: 'y' } },
      model: 'm2',
      params: { maxTokens: 10, topP: 0 },
    });
    expect(plan.model).toBe('m2');
    expect(plan.params).toEqual({ temperature: 0, maxTokens: 10, topP: 0 });
  });

  it('leaves defaults to the API where the task sets none', () => {
    const plan = planTaskRun(
      {
        ...task,
        messages: [{ role: 'user', content: 'Hi' }],
        provider: null,
        model: null,
        timeoutMs: null,
        retryPolicy: {},
      },
      {},
    );
    expect(plan).toMatchObject({
      provider: null,
      model: null,
      timeoutMs: null,
      maxAttempts: null,
      input: {},
    });
  });

  it('names every missing variable', () => {
    expect(() => planTaskRun(task, { input: { lang: 'x' } })).toThrow(
      expect.objectContaining({
        code: 'E_INPUT',
        issues: [expect.objectContaining({ field: 'input.doc.text' })],
      }),
    );
  });

  it('rejects input that renders messages over the size limit, naming input', () => {
    let error: unknown;
    try {
      planTaskRun(task, { input: { lang: 'x', doc: { text: 'y'.repeat(MAX_PROMPT_CHARS) } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'input' }] });
  });
});
