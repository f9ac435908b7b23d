import { type BatchView, RUN_STATUSES } from '@gtr/domain';
import { formatCost } from '../lib/format-cost';
import { formatEta } from '../lib/format-eta';
import { formatThroughput } from '../lib/format-throughput';
import { formatTokens } from '../lib/format-tokens';
import { formatUtc } from '../lib/format-utc';
import { BatchProgress } from './batch-progress';
import { BatchStatusBadge } from './batch-status-badge';
import { Field } from './summary-field';

export function BatchSummary({ batch }: { batch: BatchView }) {
  const { usage } = batch;
  return (
    <>
      <dl className="summary">
        <Field label="Status">
          <BatchStatusBadge status={batch.status} />
        </Field>
        <Field label="Progress">
          <BatchProgress batch={batch} />
        </Field>
        <Field label="Throughput">{formatThroughput(batch.throughputPerSecond)}</Field>
        <Field label="ETA">{formatEta(batch)}</Field>
        <Field label="Tokens">
          {formatTokens(usage.totalTokens)}{' '}
          <span className="muted">
            ({formatTokens(usage.promptTokens)} in · {formatTokens(usage.completionTokens)} out)
          </span>
        </Field>
        <Field label="Cost">{formatCost(batch.costUsd)}</Field>
        <Field label="Concurrency cap">
          {batch.concurrency === null ? <span className="muted">none</span> : batch.concurrency}
        </Field>
        <Field label="Mode">{batch.mode}</Field>
        <Field label="Priority">{batch.priority}</Field>
        <Field label="Task">
          {batch.taskId ? (
            <span className="mono">
              {batch.taskId} v{batch.taskVersion ?? '?'}
            </span>
          ) : (
            <span className="muted">ad hoc</span>
          )}
        </Field>
        <Field label="Created (UTC)">
          <span className="mono">{formatUtc(batch.createdAt)}</span>
        </Field>
        <Field label="Started (UTC)">
          <span className="mono">{formatUtc(batch.startedAt)}</span>
        </Field>
        <Field label="Finished (UTC)">
          <span className="mono">{formatUtc(batch.finishedAt)}</span>
        </Field>
      </dl>
      <dl className="summary" aria-label="Runs by status" data-testid="batch-counts">
        {RUN_STATUSES.map((status) => (
          <Field key={status} label={status}>
            <span className="mono" data-count={status}>
              {batch.counts[status]}
            </span>
          </Field>
        ))}
      </dl>
    </>
  );
}
