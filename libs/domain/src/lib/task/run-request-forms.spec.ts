import { GtrError } from '../gtr-error';
import { isTaskRunRequest, parseRunRequest } from './run-request-forms';

function issuesOf(body: unknown): { field: string; message: string }[] {
  try {
    parseRunRequest(body);
  } catch (error) {
    if (error instanceof GtrError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseRunRequest', () => {
  it('parses the ad-hoc form', () => {
    const request = parseRunRequest({ prompt: 'Hi', params: { temperature: 0 } });
    expect(request).toEqual({ prompt: 'Hi', params: { temperature: 0 } });
    expect(isTaskRunRequest(request)).toBe(false);
  });

  it('parses the task form with a pinned version, input and overrides', () => {
    const body = {
      task: 'summarise',
      version: 2,
      input: { text: 'x', n: 1 },
      model: 'gpt-4o',
      params: { temperature: 0 },
      metadata: { a: 1 },
      idempotencyKey: 'k',
    };
    const request = parseRunRequest(body);
    expect(request).toEqual(body);
    expect(isTaskRunRequest(request)).toBe(true);
  });

  it.each<[string, unknown, string[]]>([
    ['prompt with task', { task: 'a', prompt: 'x' }, ['prompt']],
    ['messages and system with task', { task: 'a', messages: [], system: 's' }, ['system', 'messages']],
    ['provider with task', { task: 'a', provider: 'openai' }, ['provider']],
    ['input without task', { prompt: 'x', input: {} }, ['task']],
    ['version without task', { prompt: 'x', version: 1 }, ['task']],
    ['a bad task name', { task: 'Bad Name' }, ['task']],
    ['version 0', { task: 'a', version: 0 }, ['version']],
    ['input that is not an object', { task: 'a', input: ['x'] }, ['input']],
    ['an unknown field in the task form', { task: 'a', inputs: {} }, ['(body)']],
    ['neither form', {}, ['prompt']],
    ['a body that is not an object', 'prompt', ['(body)']],
  ])('rejects %s, naming %j', (_what, body, fields) => {
    expect(issuesOf(body).map((issue) => issue.field)).toEqual(fields);
  });

  it('says why the forms do not mix', () => {
    expect(() => parseRunRequest({ task: 'a', prompt: 'x' })).toThrow(
      'Invalid request: prompt cannot be combined with task',
    );
    expect(issuesOf({ task: 'a', provider: 'x' })[0].message).toContain("the task's provider is used");
    expect(issuesOf({ prompt: 'x', input: {}, version: 2 })[0].message).toBe(
      'is required with version and input',
    );
  });
});
