/**
 * Run lifecycle. Every transition is a guarded update in Postgres
 * (`UPDATE … WHERE id = $1 AND status = ANY($expected)`), so a late or duplicate
 * transition is a no-op instead of a second completion.
 */
export const RUN_STATUSES = [
  'scheduled',
  'waiting',
  'queued',
  'running',
  'retrying',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];

/** Which statuses a run may move to from each status. */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  scheduled: ['queued', 'cancelled'],
  waiting: ['queued', 'cancelled', 'failed'],
  queued: ['running', 'cancelled'],
  running: ['succeeded', 'failed', 'retrying', 'cancelled', 'queued'],
  retrying: ['running', 'cancelled', 'failed'],
  succeeded: [],
  failed: [],
  cancelled: [],
};

/**
 * The one way out of a terminal status: an operator's explicit retry (`retry-failed` of a batch)
 * puts a failed run back in the queue with fresh attempts. It is deliberately not in
 * {@link RUN_TRANSITIONS}, which is what the engine follows: the engine never reopens a run.
 */
export const OPERATOR_RETRY = { from: 'failed', to: 'queued' } as const satisfies {
  from: RunStatus;
  to: RunStatus;
};

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}

/** Statuses from which a run may move to `to`: the guard of a transition's UPDATE. */
export function allowedFrom(to: RunStatus): RunStatus[] {
  return RUN_STATUSES.filter((from) => RUN_TRANSITIONS[from].includes(to));
}

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}
