import { type RunDetailView } from '@gtr/domain';
import { formatCost, UNKNOWN_PRICE } from '../lib/format-cost';
import { formatDuration } from '../lib/format-duration';
import { formatTokens } from '../lib/format-tokens';
import { formatUtc } from '../lib/format-utc';
import { StatusBadge } from './status-badge';
import { Field } from './summary-field';

export function RunSummary({ run }: { run: RunDetailView }) {
  const usage = run.usage;
  const cost = formatCost(run.costUsd);
  return (
    <dl className="summary">
      <Field label="Status">
        <StatusBadge status={run.status} />
      </Field>
      <Field label="Model">{run.model}</Field>
      <Field label="Provider">{run.provider}</Field>
      <Field label="Task">
        {run.taskId ? (
          <span className="mono">
            {run.taskId} v{run.taskVersion ?? '?'}
          </span>
        ) : (
          <span className="muted">ad hoc</span>
        )}
      </Field>
      <Field label="Batch">
        {run.batchId ? <span className="mono">{run.batchId}</span> : <span className="muted">—</span>}
      </Field>
      <Field label="Created (UTC)">
        <span className="mono">{formatUtc(run.createdAt)}</span>
      </Field>
      <Field label="Started (UTC)">
        <span className="mono">{formatUtc(run.startedAt)}</span>
      </Field>
      <Field label="Finished (UTC)">
        <span className="mono">{formatUtc(run.finishedAt)}</span>
      </Field>
      <Field label="Duration">{formatDuration(run.durationMs)}</Field>
      <Field label="Attempts">{run.attemptCount}</Field>
      <Field label="Tokens">
        {usage ? (
          <span title={`${usage.cachedTokens} prompt tokens from the provider cache`}>
            {formatTokens(usage.totalTokens)}{' '}
            <span className="muted">
              ({formatTokens(usage.promptTokens)} in · {formatTokens(usage.completionTokens)} out
              {usage.cachedTokens > 0 ? ` · ${formatTokens(usage.cachedTokens)} cached` : ''})
            </span>
          </span>
        ) : (
          '—'
        )}
      </Field>
      <Field label="Cost">{cost === UNKNOWN_PRICE ? <span className="muted">{cost}</span> : cost}</Field>
      <Field label="Finish reason">{run.finishReason ?? '—'}</Field>
      <Field label="Idempotency key">
        {run.idempotencyKey ? <span className="mono">{run.idempotencyKey}</span> : '—'}
      </Field>
    </dl>
  );
}
