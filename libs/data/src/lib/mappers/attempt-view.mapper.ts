import { type AttemptView } from '@gtr/domain';
import { type RunAttemptEntity } from '../entities/run-attempt.entity';
import { toErrorCode } from './error-code.mapper';
import { toTokenUsage } from './token-usage.mapper';

/** Maps a stored attempt to the API view. */
export function toAttemptView(attempt: RunAttemptEntity): AttemptView {
  return {
    number: attempt.number,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    latencyMs: attempt.latencyMs,
    httpStatus: attempt.httpStatus,
    errorCode: attempt.errorCode === null ? null : toErrorCode(attempt.errorCode),
    errorMessage: attempt.errorMessage,
    rateLimitWaitMs: attempt.rateLimitWaitMs,
    usage: toTokenUsage(attempt),
    providerRequestId: attempt.providerRequestId,
  };
}
