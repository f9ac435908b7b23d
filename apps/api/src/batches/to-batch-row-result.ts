import { type BatchResultRun } from '@gtr/data';
import { type BatchRowResult } from '@gtr/task-files';

/** One row of a batch's results file, from its run. */
export function toBatchRowResult({ batchRow, rowId, run }: BatchResultRun): BatchRowResult {
  const lastUser = [...run.messages].reverse().find((message) => message.role === 'user');
  return {
    id: rowId ?? String(batchRow),
    success: run.status === 'succeeded',
    response: run.output,
    error: run.error?.message ?? (run.status === 'succeeded' ? null : `Run is ${run.status}.`),
    errorCode: run.error?.code ?? null,
    usage: run.usage,
    cost: run.costUsd,
    timings: {
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      durationMs: run.durationMs,
    },
    attempts: run.attemptCount,
    metadata: run.metadata,
    prompt: lastUser?.content ?? '',
    model: run.model,
    params: run.params,
  };
}
