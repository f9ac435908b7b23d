import { type RunView } from '@gtr/domain';
import { formatCost, formatDuration, formatTokens } from './format-values';

/** The line after a waited-for run: `gpt-4o-mini · succeeded · 12 prompt + 34 completion tokens · $0.0001 · 1.2s`. */
export function formatSummary(run: RunView): string {
  const parts = [run.model, run.status];
  if (run.usage) parts.push(formatTokens(run.usage));
  if (run.costUsd !== null) parts.push(formatCost(run.costUsd));
  if (run.cached) parts.push('from cache');
  if (run.durationMs !== null) parts.push(formatDuration(run.durationMs));
  if (run.attemptCount > 1) parts.push(`${run.attemptCount} attempts`);
  return parts.join(' · ');
}
