import { executeAttempt } from '../attempt/execute-attempt';
import { type CompletionResult, type Provider } from '../provider/provider';
import { createDryRunProvider } from '../providers/dry-run-provider';
import { outputProblem } from './validate-output';

const schema = {
  type: 'object',
  properties: { score: { type: 'number' }, label: { type: 'string', enum: ['good', 'bad'] } },
  required: ['score', 'label'],
  additionalProperties: false,
};

function answering(json: unknown): Provider {
  return {
    name: 'fake',
    complete: async (): Promise<CompletionResult> => ({
      text: JSON.stringify(json),
      json,
      usage: { promptTokens: 5, completionTokens: 5, totalTokens: 10, cachedTokens: 0 },
      finishReason: 'stop',
      providerRequestId: 'req_1',
      httpStatus: 200,
      rateLimit: null,
    }),
  };
}

const request = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'rate it' }],
  params: {},
};

describe('output that must match its schema', () => {
  it.each([
    [{ score: 0.9, label: 'good' }, null],
    [{ score: '0.9', label: 'good' }, '/score must be number'],
    [{ score: 1 }, "(root) must have required property 'label'"],
    [{ score: 1, label: 'meh' }, '/label must be equal to one of the allowed values'],
    [{ score: 1, label: 'good', extra: true }, '(root) must NOT have additional properties'],
  ])('judges %j: %s', (value, problem) => {
    expect(outputProblem(schema, value)).toBe(problem);
  });

  it('reports a schema that does not compile instead of throwing', () => {
    expect(outputProblem({ type: 'no-such-type' }, {})).toMatch(/^the output schema is invalid/);
  });

  it('fails the attempt with the retryable E_OUTPUT_INVALID when the answer does not match', async () => {
    const outcome = await executeAttempt(answering({ score: 'high', label: 'good' }), {
      ...request,
      outputSchema: schema,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({
      code: 'E_OUTPUT_INVALID',
      httpStatus: 200,
      providerRequestId: 'req_1',
    });
    expect(outcome.error.retryable).toBe(true);
    expect(outcome.error.message).toContain('/score must be number');
  });

  it('passes a matching answer, and does not check runs without a schema', async () => {
    expect(
      (await executeAttempt(answering({ score: 1, label: 'bad' }), { ...request, outputSchema: schema })).ok,
    ).toBe(true);
    expect((await executeAttempt(answering({ anything: 1 }), request)).ok).toBe(true);
  });

  it('accepts what the dry-run provider produces for a schema', async () => {
    const outcome = await executeAttempt(createDryRunProvider(), { ...request, outputSchema: schema });
    expect(outcome.ok).toBe(true);
  });
});
