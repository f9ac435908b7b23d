import { type BatchView } from '@gtr/domain';
import { progressPercent } from '../lib/progress-percent';

/** `done/total` over a bar, and the failed count when there is one. */
export function BatchProgress({ batch }: { batch: Pick<BatchView, 'done' | 'total' | 'counts'> }) {
  const percent = progressPercent(batch.done, batch.total);
  return (
    <div className="progress" data-testid="batch-progress">
      <span className="progress__text mono">
        {batch.done}/{batch.total}
        {batch.counts.failed > 0 ? (
          <span className="progress__failed"> · {batch.counts.failed} failed</span>
        ) : null}
      </span>
      <span
        className="progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={batch.total}
        aria-valuenow={batch.done}
        aria-label={`${batch.done} of ${batch.total} runs finished`}
      >
        <span className="progress__fill" style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}
