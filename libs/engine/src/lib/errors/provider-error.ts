import { type ErrorCode, GtrError } from '@gtr/domain';
import { type RateLimitSnapshot } from '../http/rate-limit-snapshot';
import { redactSecrets } from './redact-secrets';

/** What a provider told us about a failed call, beyond the taxonomy code. */
export interface ProviderErrorDetails {
  /** HTTP status of the provider's answer; null when there was none (network, timeout, abort). */
  httpStatus?: number | null;
  /** How long the provider asked us to wait before retrying, in milliseconds. */
  retryAfterMs?: number | null;
  /** The provider's `error.code`, e.g. `insufficient_quota`. */
  providerCode?: string | null;
  /** The provider's `error.type`, e.g. `invalid_request_error`. */
  providerType?: string | null;
  rateLimit?: RateLimitSnapshot | null;
  /** The provider's id of the request (`x-request-id`), for support tickets. */
  providerRequestId?: string | null;
}

/** Longest message kept from a provider; some send whole HTML error pages. */
const MAX_MESSAGE_CHARS = 1000;

/**
 * A failed provider call, classified into the error taxonomy. Its message never holds a
 * credential: it is redacted on construction.
 */
export class ProviderError extends GtrError {
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | null;
  readonly providerCode: string | null;
  readonly providerType: string | null;
  readonly rateLimit: RateLimitSnapshot | null;
  readonly providerRequestId: string | null;

  constructor(code: ErrorCode, message?: string, details: ProviderErrorDetails = {}) {
    super(code, message === undefined ? undefined : redactSecrets(message).slice(0, MAX_MESSAGE_CHARS));
    this.name = 'ProviderError';
    this.httpStatus = details.httpStatus ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.providerCode = details.providerCode ?? null;
    this.providerType = details.providerType ?? null;
    this.rateLimit = details.rateLimit ?? null;
    this.providerRequestId = details.providerRequestId ?? null;
  }
}
