import { type BatchView, type ErrorCode, errorInfo } from '@gtr/domain';
import { EXIT_OK } from './exit-codes';

/**
 * Exit code of a finished batch: 0 when every run succeeded, 80 (`E_PARTIAL_SUCCESS`) when
 * some did, the taxonomy code of the one reason when all failed for one reason (`E_CANCELLED`
 * for a cancelled batch), else `E_UNKNOWN`.
 */
export function exitCodeOfBatch(
  batch: Pick<BatchView, 'status'>,
  failureCodes: ReadonlySet<ErrorCode>,
): number {
  switch (batch.status) {
    case 'succeeded':
      return EXIT_OK;
    case 'partial':
      return errorInfo('E_PARTIAL_SUCCESS').exitCode;
    case 'cancelled':
      return errorInfo('E_CANCELLED').exitCode;
    case 'failed': {
      const [only] = failureCodes;
      return errorInfo(failureCodes.size === 1 && only ? only : 'E_UNKNOWN').exitCode;
    }
    default:
      return errorInfo('E_UNKNOWN').exitCode;
  }
}
