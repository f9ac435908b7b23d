import { type BatchView, type BatchViewStatus, RUN_STATUSES, type RunStatus, isTerminal } from '@gtr/domain';
import { type BatchEntity } from '../entities/batch.entity';
import { type BatchRunStats } from './batch-run-stats';

/**
 * A batch with its progress computed from its runs' stats.
 *
 * Throughput = finished runs / seconds from the first start to the last finish (needs two
 * finished runs and a positive span). ETA = remaining / throughput; with only one finished run,
 * remaining × its duration / max(1, running) (the runs in flight work in parallel).
 */
export function toBatchView(batch: BatchEntity, stats: readonly BatchRunStats[]): BatchView {
  const counts = Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as Record<RunStatus, number>;
  let total = 0;
  let done = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  let costUsd = 0;
  let durationMsSum = 0;
  let timedDone = 0;
  let firstStartedAt: Date | null = null;
  let lastFinishedAt: Date | null = null;
  for (const s of stats) {
    counts[s.status] += s.count;
    total += s.count;
    promptTokens += s.promptTokens;
    completionTokens += s.completionTokens;
    costUsd += s.costUsd;
    if (s.firstStartedAt && (!firstStartedAt || s.firstStartedAt < firstStartedAt))
      firstStartedAt = s.firstStartedAt;
    if (!isTerminal(s.status)) continue;
    done += s.count;
    durationMsSum += s.durationMsSum;
    timedDone += s.timedCount;
    if (s.lastFinishedAt && (!lastFinishedAt || s.lastFinishedAt > lastFinishedAt))
      lastFinishedAt = s.lastFinishedAt;
  }
  const remaining = total - done;
  const spanSeconds =
    firstStartedAt && lastFinishedAt ? (lastFinishedAt.getTime() - firstStartedAt.getTime()) / 1000 : 0;
  const throughput = done >= 2 && spanSeconds > 0 ? done / spanSeconds : null;
  let etaSeconds: number | null = null;
  if (remaining > 0 && throughput !== null) etaSeconds = remaining / throughput;
  else if (remaining > 0 && timedDone > 0) {
    etaSeconds = (remaining * (durationMsSum / timedDone)) / 1000 / Math.max(1, counts.running);
  }
  return {
    id: batch.id,
    name: batch.name,
    status: statusOf(batch, counts, total, remaining, firstStartedAt !== null || done > 0),
    taskId: batch.taskId,
    taskVersion: batch.taskVersion,
    total,
    counts,
    done,
    usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
    costUsd: Math.round(costUsd * 1e8) / 1e8,
    throughputPerSecond: throughput === null ? null : round(throughput),
    etaSeconds: etaSeconds === null ? null : Math.ceil(etaSeconds),
    priority: batch.priority,
    concurrency: batch.concurrency,
    mode: batch.mode,
    options: batch.options,
    idempotencyKey: batch.idempotencyKey,
    createdAt: batch.createdAt.toISOString(),
    startedAt: firstStartedAt?.toISOString() ?? null,
    finishedAt: remaining === 0 && total > 0 ? (lastFinishedAt ?? batch.createdAt).toISOString() : null,
  };
}

function statusOf(
  batch: BatchEntity,
  counts: Record<RunStatus, number>,
  total: number,
  remaining: number,
  started: boolean,
): BatchViewStatus {
  if (batch.status === 'cancelled' && remaining === 0) return 'cancelled';
  if (remaining > 0 && batch.status === 'paused') return 'paused';
  if (remaining > 0) return started ? 'running' : 'queued';
  if (counts.succeeded === total) return 'succeeded';
  if (counts.succeeded > 0) return 'partial';
  return counts.cancelled === total ? 'cancelled' : 'failed';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
