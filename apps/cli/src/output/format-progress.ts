import { type RunDetailView } from '@gtr/domain';
import { shortId } from './format-values';

/** What the status line says about a run still in progress: `running (attempt 2)`, `retrying after E_RATE_LIMIT`. */
export function formatProgress(run: RunDetailView): string {
  const parts = [`${shortId(run.id)} ${run.status}`];
  if (run.attemptCount > 1) parts.push(`(attempt ${run.attemptCount})`);
  const lastError = run.attempts.at(-1)?.errorCode;
  if (run.status === 'retrying' && lastError) parts.push(`after ${lastError}`);
  return parts.join(' ');
}
