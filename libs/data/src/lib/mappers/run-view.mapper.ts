import { errorInfo, type RunDetailView, type RunView } from '@gtr/domain';
import { type RunAttemptEntity } from '../entities/run-attempt.entity';
import { type RunEntity } from '../entities/run.entity';
import { toAttemptView } from './attempt-view.mapper';
import { toErrorCode } from './error-code.mapper';
import { toTokenUsage } from './token-usage.mapper';

/** Maps a stored run to the view the API, CLI and dashboard share. */
export function toRunView(run: RunEntity): RunView {
  const errorCode = run.errorCode === null ? null : toErrorCode(run.errorCode);
  const outputJson = run.outputJson ?? null;
  return {
    id: run.id,
    status: run.status,
    provider: run.provider,
    model: run.model,
    taskId: run.taskId,
    taskVersion: run.taskVersion,
    batchId: run.batchId,
    messages: run.messages,
    params: run.params,
    output:
      run.outputText === null && outputJson === null ? null : { text: run.outputText, json: outputJson },
    finishReason: run.finishReason,
    usage: toTokenUsage(run),
    costUsd: run.costUsd,
    cached: run.cached,
    error:
      errorCode === null
        ? null
        : { code: errorCode, message: run.errorMessage ?? errorInfo(errorCode).message },
    attemptCount: run.attemptCount,
    metadata: run.metadata,
    idempotencyKey: run.idempotencyKey,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs:
      run.startedAt && run.finishedAt
        ? Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime())
        : null,
  };
}

/** A run with its attempts, ordered by number. */
export function toRunDetailView(run: RunEntity, attempts: readonly RunAttemptEntity[]): RunDetailView {
  return {
    ...toRunView(run),
    attempts: [...attempts].sort((a, b) => a.number - b.number).map(toAttemptView),
  };
}
