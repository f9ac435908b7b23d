import { type ErrorCode, isErrorCode } from '@gtr/domain';

/** A stored error code, or `E_UNKNOWN` for one this version does not know. */
export function toErrorCode(code: string): ErrorCode {
  return isErrorCode(code) ? code : 'E_UNKNOWN';
}
