import { type ClaimedProviderBatchRun } from '@gtr/data';
import { indexResultLines, missingLineFailure, readResultLine } from './batch-result-lines';

const run: ClaimedProviderBatchRun = {
  runId: 'r1',
  tenantId: 't',
  batchId: 'b',
  provider: 'openai',
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'hi' }],
  params: {},
  outputSchema: null,
  attemptNumber: 1,
};

function completion(content: string | null, finishReason = 'stop') {
  return {
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  };
}

describe('indexResultLines', () => {
  it('indexes lines of several files by custom_id and skips what is not a result line', () => {
    const lines = indexResultLines([
      '{"custom_id":"a","response":null,"error":null}\n\nnot json\n',
      '{"custom_id":"b","response":null,"error":null}\n{"no":"id"}\nnull',
    ]);
    expect([...lines.keys()]).toEqual(['a', 'b']);
  });
});

describe('readResultLine', () => {
  it('reads a 200 line as the provider reads a live answer', () => {
    const outcome = readResultLine(run, {
      custom_id: 'r1',
      response: { status_code: 200, request_id: 'req_1', body: completion('hello') },
      error: null,
    });
    expect(outcome).toEqual({
      ok: true,
      result: expect.objectContaining({
        text: 'hello',
        finishReason: 'stop',
        providerRequestId: 'req_1',
        httpStatus: 200,
        usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5, cachedTokens: 0 },
      }),
    });
  });

  it.each([
    ['a filtered answer', run, completion(null, 'content_filter'), 'E_CONTENT_FILTER'],
    [
      'output that is not the requested JSON',
      { ...run, outputSchema: { type: 'object' } },
      completion('nope'),
      'E_OUTPUT_INVALID',
    ],
  ])('fails %s like a live call', (_name, claimed, body, code) => {
    const outcome = readResultLine(claimed, {
      custom_id: 'r1',
      response: { status_code: 200, body },
      error: null,
    });
    expect(outcome).toMatchObject({ ok: false, code, httpStatus: 200, providerRequestId: null });
  });

  it.each([
    [
      429,
      { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } },
      'E_RATE_LIMIT',
      'slow down',
    ],
    [
      400,
      { error: { message: 'too long', type: 'invalid_request_error', code: 'context_length_exceeded' } },
      'E_CONTEXT_LENGTH',
      'too long',
    ],
    [502, 'Bad gateway', 'E_SERVER_ERROR', 'The provider answered 502.'],
  ])('classifies a %i line by status and the provider code', (status, body, code, message) => {
    const outcome = readResultLine(run, {
      custom_id: 'r1',
      response: { status_code: status, request_id: 'req_2', body },
      error: null,
    });
    expect(outcome).toEqual({ ok: false, code, message, httpStatus: status, providerRequestId: 'req_2' });
  });

  it('reads a line the provider could not run: expired is a timeout, anything else a server error', () => {
    expect(
      readResultLine(run, {
        custom_id: 'r1',
        response: null,
        error: { code: 'batch_expired', message: 'late' },
      }),
    ).toMatchObject({ ok: false, code: 'E_TIMEOUT', message: 'late' });
    expect(readResultLine(run, { custom_id: 'r1', response: null, error: null })).toMatchObject({
      ok: false,
      code: 'E_SERVER_ERROR',
      message: 'The provider could not run this request.',
    });
  });
});

describe('missingLineFailure', () => {
  it.each([
    ['expired', [], 'E_TIMEOUT', /expired/],
    ['cancelled', [], 'E_CANCELLED', /cancelled/],
    ['failed', ['line 2: invalid_json_line: bad'], 'E_INPUT', /refused the batch file: line 2/],
    ['failed', [], 'E_INPUT', /refused the batch file\.$/],
    ['completed', [], 'E_SERVER_ERROR', /no result/],
  ])('explains a run without a line when the batch is %s', (status, errors, code, message) => {
    const failure = missingLineFailure(status, errors);
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
  });
});
