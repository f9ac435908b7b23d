import { type RunStatus } from '@gtr/domain';

/** The tabs above the runs table. */
export const STATUS_FILTERS = ['all', 'queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

// A tab groups the states an operator reads as the same thing: "queued" is anything not yet
// started, "running" includes a run backing off between attempts.
const STATUSES_OF: Record<StatusFilter, RunStatus[] | undefined> = {
  all: undefined,
  queued: ['queued', 'scheduled', 'waiting'],
  running: ['running', 'retrying'],
  succeeded: ['succeeded'],
  failed: ['failed'],
  cancelled: ['cancelled'],
};

/** Reads the `status` search param; anything unknown means all runs. */
export function parseStatusFilter(value: string | string[] | undefined): StatusFilter {
  const first = Array.isArray(value) ? value[0] : value;
  return (STATUS_FILTERS as readonly string[]).includes(first ?? '') ? (first as StatusFilter) : 'all';
}

/** The run statuses to ask the API for, or undefined for no filter. */
export function statusesOf(filter: StatusFilter): RunStatus[] | undefined {
  return STATUSES_OF[filter];
}

/** Link to the runs page with a filter and an optional cursor. */
export function runsHref(filter: StatusFilter, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filter !== 'all') params.set('status', filter);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/runs?${query}` : '/runs';
}
