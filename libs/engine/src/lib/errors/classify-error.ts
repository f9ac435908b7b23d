import { type ErrorCode, GtrError } from '@gtr/domain';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { type HeadersLike } from '../http/headers-like';
import { parseRateLimitHeaders } from '../http/rate-limit-snapshot';
import { retryAfterMsFrom } from '../http/retry-after';
import { ProviderError } from './provider-error';
import { redactSecrets } from './redact-secrets';

/** Options of {@link classifyError}. */
export interface ClassifyOptions {
  /** Values to cut out of the message verbatim (the provider's API key), besides key-shaped text. */
  secrets?: readonly (string | null | undefined)[];
  /** Clock for `retry-after` HTTP dates; defaults to `Date.now()`. */
  now?: number;
}

/** errno / undici codes that mean the provider could not be reached or the connection broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
]);

const QUOTA_CODES = new Set(['insufficient_quota']);
const CONTEXT_LENGTH_CODES = new Set(['context_length_exceeded']);
const CONTENT_FILTER_CODES = new Set(['content_filter', 'content_policy_violation']);

/** How deep to follow `error.cause` (fetch wraps the socket error twice). */
const MAX_CAUSE_DEPTH = 5;

/**
 * Turns anything a provider call threw into a {@link ProviderError} with a taxonomy code.
 *
 * It reads only structured facts: the HTTP status, the provider's `error.code` / `error.type`,
 * errno codes along the `cause` chain, and the exception class (the `openai` SDK's error classes,
 * `AbortError` / `TimeoutError` DOMException names, `SyntaxError` from a malformed 2xx body).
 * Message text is carried over (with credentials redacted) but never decides the code.
 */
export function classifyError(err: unknown, options: ClassifyOptions = {}): ProviderError {
  const secrets = options.secrets ?? [];
  if (err instanceof ProviderError) return err;
  if (err instanceof GtrError) return new ProviderError(err.code, redactSecrets(err.message, secrets));

  if (err instanceof APIUserAbortError)
    return new ProviderError('E_CANCELLED', 'The provider call was cancelled.');
  if (err instanceof APIConnectionTimeoutError)
    return new ProviderError('E_TIMEOUT', 'The provider did not answer in time.');
  if (err instanceof APIConnectionError) {
    return new ProviderError('E_NETWORK', networkMessage(err, secrets));
  }

  const http = httpFacts(err);
  if (http) {
    const rateLimit = parseRateLimitHeaders(http.headers);
    return new ProviderError(
      codeForHttpStatus(http.status, http.code, http.type),
      redactSecrets(messageOf(err), secrets),
      {
        httpStatus: http.status,
        providerCode: http.code,
        providerType: http.type,
        rateLimit,
        retryAfterMs: retryAfterMsFrom(http.headers, http.status, rateLimit, options.now),
        providerRequestId: http.requestId,
      },
    );
  }

  // Names, not `instanceof`: errors from fetch may come from another realm (e.g. a test VM).
  for (const link of causeChain(err)) {
    if (link.name === 'AbortError')
      return new ProviderError('E_CANCELLED', 'The provider call was cancelled.');
    if (link.name === 'TimeoutError')
      return new ProviderError('E_TIMEOUT', 'The provider did not answer in time.');
    if (isNetworkCode(link.code))
      return new ProviderError('E_NETWORK', `The provider could not be reached (${link.code}).`);
  }
  if (err instanceof SyntaxError || (isObject(err) && err['name'] === 'SyntaxError')) {
    return new ProviderError('E_SERVER_ERROR', 'The provider answered with a malformed body (invalid JSON).');
  }
  return new ProviderError(
    'E_UNKNOWN',
    redactSecrets(messageOf(err) || 'An unknown error occurred.', secrets),
  );
}

/**
 * The taxonomy code of an HTTP error answer. Unlisted 4xx are the caller's fault (E_INPUT);
 * 402 is OpenAI-compatible servers' way to say "out of credit".
 */
export function codeForHttpStatus(
  status: number,
  providerCode: string | null,
  providerType: string | null,
): ErrorCode {
  const has = (set: ReadonlySet<string>) =>
    (providerCode !== null && set.has(providerCode)) || (providerType !== null && set.has(providerType));
  if (status === 429) return has(QUOTA_CODES) ? 'E_QUOTA' : 'E_RATE_LIMIT';
  if (status === 401 || status === 403) return 'E_AUTH';
  if (status === 402) return 'E_QUOTA';
  if (status === 408) return 'E_TIMEOUT';
  if (status === 409 || status >= 500) return 'E_SERVER_ERROR';
  if (status >= 400) {
    if (has(CONTEXT_LENGTH_CODES)) return 'E_CONTEXT_LENGTH';
    if (has(CONTENT_FILTER_CODES)) return 'E_CONTENT_FILTER';
    return 'E_INPUT';
  }
  return 'E_UNKNOWN';
}

interface HttpFacts {
  status: number;
  headers: HeadersLike | null;
  code: string | null;
  type: string | null;
  requestId: string | null;
}

/** Status, headers and provider error fields of an SDK `APIError`, or of any error shaped like one. */
function httpFacts(err: unknown): HttpFacts | null {
  if (!isObject(err)) return null;
  const status = err['status'];
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return null;
  const body = isObject(err['error']) ? err['error'] : {};
  const headers = err['headers'];
  return {
    status,
    headers: isObject(headers) ? (headers as HeadersLike) : null,
    code: text(err['code']) ?? text(body['code']),
    type: text(err['type']) ?? text(body['type']),
    requestId: err instanceof APIError ? (err.requestID ?? null) : text(err['requestID']),
  };
}

function* causeChain(err: unknown): Generator<{ name: unknown; code: unknown }> {
  let current: unknown = err;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && isObject(current); depth++) {
    yield { name: current['name'], code: current['code'] };
    current = current['cause'];
  }
}

function isNetworkCode(code: unknown): code is string {
  return typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'));
}

function networkMessage(err: APIConnectionError, secrets: ClassifyOptions['secrets']): string {
  const code = [...causeChain(err)].map((link) => link.code).find(isNetworkCode);
  const base = redactSecrets(err.message, secrets);
  return code ? `${base} (${code})` : base;
}

function messageOf(err: unknown): string {
  if (isObject(err) && typeof err['message'] === 'string') return err['message'];
  return typeof err === 'string' ? err : '';
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
