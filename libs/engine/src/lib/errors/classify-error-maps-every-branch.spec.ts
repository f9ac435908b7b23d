import { GtrError } from '@gtr/domain';
import OpenAI from 'openai';
import { classifyError, codeForHttpStatus } from './classify-error';
import { ProviderError } from './provider-error';

const headers = (h: Record<string, string> = {}) => new Headers({ 'x-request-id': 'req_1', ...h });
const body = (type: string | undefined, code: string | null) => ({
  message: 'provider says no',
  type,
  code,
  param: null,
});
const errnoError = (code: string) => Object.assign(new Error('socket failure'), { code });
const fetchFailed = (code: string) => new TypeError('fetch failed', { cause: errnoError(code) });

describe('classifyError maps every failure to a taxonomy code', () => {
  it.each<[string, unknown, string, boolean]>([
    [
      '429 rate limit',
      new OpenAI.RateLimitError(429, body('requests', 'rate_limit_exceeded'), undefined, headers()),
      'E_RATE_LIMIT',
      true,
    ],
    [
      '429 insufficient_quota code',
      new OpenAI.RateLimitError(429, body('insufficient_quota', 'insufficient_quota'), undefined, headers()),
      'E_QUOTA',
      false,
    ],
    [
      '429 insufficient_quota type only',
      new OpenAI.RateLimitError(429, body('insufficient_quota', null), undefined, headers()),
      'E_QUOTA',
      false,
    ],
    [
      '401',
      new OpenAI.AuthenticationError(
        401,
        body('invalid_request_error', 'invalid_api_key'),
        undefined,
        headers(),
      ),
      'E_AUTH',
      false,
    ],
    [
      '403',
      new OpenAI.PermissionDeniedError(403, body('invalid_request_error', null), undefined, headers()),
      'E_AUTH',
      false,
    ],
    [
      '400 context_length_exceeded',
      new OpenAI.BadRequestError(
        400,
        body('invalid_request_error', 'context_length_exceeded'),
        undefined,
        headers(),
      ),
      'E_CONTEXT_LENGTH',
      false,
    ],
    [
      '400 content_filter',
      new OpenAI.BadRequestError(400, body('invalid_request_error', 'content_filter'), undefined, headers()),
      'E_CONTENT_FILTER',
      false,
    ],
    [
      '400 content_policy_violation',
      new OpenAI.BadRequestError(
        400,
        body('invalid_request_error', 'content_policy_violation'),
        undefined,
        headers(),
      ),
      'E_CONTENT_FILTER',
      false,
    ],
    [
      '400 other',
      new OpenAI.BadRequestError(400, body('invalid_request_error', 'invalid_value'), undefined, headers()),
      'E_INPUT',
      false,
    ],
    ['400 without body', new OpenAI.BadRequestError(400, undefined, undefined, headers()), 'E_INPUT', false],
    [
      '404',
      new OpenAI.NotFoundError(404, body('invalid_request_error', 'model_not_found'), undefined, headers()),
      'E_INPUT',
      false,
    ],
    [
      '422',
      new OpenAI.UnprocessableEntityError(422, body(undefined, null), undefined, headers()),
      'E_INPUT',
      false,
    ],
    [
      '408',
      OpenAI.APIError.generate(408, { error: body(undefined, null) }, undefined, headers()),
      'E_TIMEOUT',
      true,
    ],
    [
      '409',
      new OpenAI.ConflictError(409, body(undefined, null), undefined, headers()),
      'E_SERVER_ERROR',
      true,
    ],
    [
      '500',
      new OpenAI.InternalServerError(500, body('server_error', null), undefined, headers()),
      'E_SERVER_ERROR',
      true,
    ],
    ['502', OpenAI.APIError.generate(502, undefined, 'Bad Gateway', headers()), 'E_SERVER_ERROR', true],
    [
      '503',
      new OpenAI.InternalServerError(503, body(undefined, null), undefined, headers()),
      'E_SERVER_ERROR',
      true,
    ],
    ['connection timeout', new OpenAI.APIConnectionTimeoutError(), 'E_TIMEOUT', true],
    ['user abort', new OpenAI.APIUserAbortError(), 'E_CANCELLED', false],
    [
      'connection error',
      new OpenAI.APIConnectionError({ cause: fetchFailed('ECONNREFUSED') }),
      'E_NETWORK',
      true,
    ],
    ['connection error without cause', new OpenAI.APIConnectionError({}), 'E_NETWORK', true],
    ['DOMException AbortError', new DOMException('aborted', 'AbortError'), 'E_CANCELLED', false],
    ['DOMException TimeoutError', new DOMException('timed out', 'TimeoutError'), 'E_TIMEOUT', true],
    ['ECONNREFUSED', fetchFailed('ECONNREFUSED'), 'E_NETWORK', true],
    ['ECONNRESET', errnoError('ECONNRESET'), 'E_NETWORK', true],
    ['ENOTFOUND', fetchFailed('ENOTFOUND'), 'E_NETWORK', true],
    ['ETIMEDOUT', fetchFailed('ETIMEDOUT'), 'E_NETWORK', true],
    ['EAI_AGAIN', fetchFailed('EAI_AGAIN'), 'E_NETWORK', true],
    ['UND_ERR_SOCKET', fetchFailed('UND_ERR_SOCKET'), 'E_NETWORK', true],
    ['UND_ERR_CONNECT_TIMEOUT', fetchFailed('UND_ERR_CONNECT_TIMEOUT'), 'E_NETWORK', true],
    ['malformed 2xx JSON body', new SyntaxError('Unexpected end of JSON input'), 'E_SERVER_ERROR', true],
    [
      'SyntaxError from another realm',
      Object.assign(new Error('Unexpected token'), { name: 'SyntaxError' }),
      'E_SERVER_ERROR',
      true,
    ],
    ['plain Error', new Error('boom'), 'E_UNKNOWN', false],
    ['thrown string', 'boom', 'E_UNKNOWN', false],
    ['undefined', undefined, 'E_UNKNOWN', false],
    [
      'non-SDK error with an HTTP status',
      Object.assign(new Error('busy'), { status: 503 }),
      'E_SERVER_ERROR',
      true,
    ],
    [
      'non-SDK error with status and quota code',
      Object.assign(new Error('x'), { status: 429, code: 'insufficient_quota' }),
      'E_QUOTA',
      false,
    ],
    ['GtrError keeps its code', new GtrError('E_CONFIG_PROVIDER'), 'E_CONFIG_PROVIDER', false],
  ])('%s → %s (retryable: %s)', (_scenario, err, code, retryable) => {
    const error = classifyError(err);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toBeInstanceOf(GtrError);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('does not read the message: a 500 saying "rate limit" is a server error, a plain Error saying "timeout" unknown', () => {
    expect(
      classifyError(
        new OpenAI.InternalServerError(
          500,
          { message: 'rate limit exceeded, quota timeout' },
          undefined,
          headers(),
        ),
      ).code,
    ).toBe('E_SERVER_ERROR');
    expect(classifyError(new Error('Request timed out: ECONNREFUSED context_length_exceeded')).code).toBe(
      'E_UNKNOWN',
    );
  });

  it('returns a ProviderError as it is', () => {
    const original = new ProviderError('E_RATE_LIMIT', 'slow down', { retryAfterMs: 10 });
    expect(classifyError(original)).toBe(original);
  });

  it('carries status, provider code/type, request id, rate-limit state and retry-after of an HTTP error', () => {
    const error = classifyError(
      new OpenAI.RateLimitError(
        429,
        body('tokens', 'rate_limit_exceeded'),
        undefined,
        headers({
          'retry-after': '3',
          'x-ratelimit-remaining-requests': '10',
          'x-ratelimit-reset-requests': '1s',
        }),
      ),
    );
    expect(error).toMatchObject({
      httpStatus: 429,
      providerCode: 'rate_limit_exceeded',
      providerType: 'tokens',
      providerRequestId: 'req_1',
      retryAfterMs: 3000,
      rateLimit: { remainingRequests: 10, resetRequestsMs: 1000 },
    });
  });

  it('takes a 429 retry delay from the exhausted window when no retry-after header is sent', () => {
    const error = classifyError(
      new OpenAI.RateLimitError(
        429,
        body('tokens', 'rate_limit_exceeded'),
        undefined,
        headers({
          'x-ratelimit-remaining-requests': '5',
          'x-ratelimit-reset-requests': '40s',
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '2.5s',
        }),
      ),
    );
    expect(error.retryAfterMs).toBe(2500);
  });

  it('names the errno code of a network failure in the message', () => {
    expect(
      classifyError(new OpenAI.APIConnectionError({ cause: fetchFailed('ECONNREFUSED') })).message,
    ).toContain('ECONNREFUSED');
    expect(classifyError(fetchFailed('EAI_AGAIN')).message).toContain('EAI_AGAIN');
  });

  it('has no HTTP details for errors without a response', () => {
    expect(classifyError(new OpenAI.APIConnectionTimeoutError())).toMatchObject({
      httpStatus: null,
      retryAfterMs: null,
      rateLimit: null,
      providerCode: null,
    });
  });

  it('stops following a cyclic cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = a;
    expect(classifyError(a).code).toBe('E_UNKNOWN');
  });

  it.each([
    [100, 'E_UNKNOWN'],
    [204, 'E_UNKNOWN'],
    [402, 'E_QUOTA'],
    [413, 'E_INPUT'],
    [418, 'E_INPUT'],
    [504, 'E_SERVER_ERROR'],
  ])('status %i without provider code → %s', (status, code) => {
    expect(codeForHttpStatus(status, null, null)).toBe(code);
  });
});
