import { type ErrorCode } from '@gtr/domain';

/**
 * The taxonomy code for an error response whose body names no known code (a proxy's HTML
 * page, or an API newer than this client).
 */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'E_VALIDATION';
    case 401:
      return 'E_AUTH';
    case 403:
      return 'E_FORBIDDEN';
    case 404:
      return 'E_NOT_FOUND';
    case 409:
      return 'E_CONFLICT';
    case 429:
      return 'E_RATE_LIMIT';
    case 502:
    case 504:
      // A gateway in front of the API could not reach it.
      return 'E_NETWORK';
    case 503:
      return 'E_SYSTEM';
    default:
      return status >= 500 ? 'E_INTERNAL' : 'E_INPUT';
  }
}
