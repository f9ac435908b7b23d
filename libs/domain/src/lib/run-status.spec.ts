import {
  allowedFrom,
  canTransition,
  isTerminal,
  OPERATOR_RETRY,
  RUN_STATUSES,
  RUN_TRANSITIONS,
  type RunStatus,
  TERMINAL_RUN_STATUSES,
} from './run-status';

const ALLOWED: ReadonlyArray<[RunStatus, RunStatus]> = [
  ['scheduled', 'queued'],
  ['scheduled', 'cancelled'],
  ['waiting', 'queued'],
  ['waiting', 'cancelled'],
  ['waiting', 'failed'],
  ['queued', 'running'],
  ['queued', 'cancelled'],
  ['running', 'succeeded'],
  ['running', 'failed'],
  ['running', 'retrying'],
  ['running', 'cancelled'],
  // A stalled run whose worker died goes back to the queue.
  ['running', 'queued'],
  ['retrying', 'running'],
  ['retrying', 'cancelled'],
  ['retrying', 'failed'],
];
const allPairs = RUN_STATUSES.flatMap((from) =>
  RUN_STATUSES.map((to) => [from, to] as [RunStatus, RunStatus]),
);
const isAllowed = (from: RunStatus, to: RunStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('run status transitions', () => {
  it.each(allPairs)('%s → %s follows the lifecycle', (from, to) => {
    expect(canTransition(from, to)).toBe(isAllowed(from, to));
  });

  it.each(RUN_STATUSES)('allowedFrom(%s) is the guard of the UPDATE that moves a run there', (to) => {
    expect(allowedFrom(to).sort()).toEqual(
      ALLOWED.filter(([, t]) => t === to)
        .map(([f]) => f)
        .sort(),
    );
  });

  it('has exactly three terminal statuses, with no way out', () => {
    expect([...TERMINAL_RUN_STATUSES].sort()).toEqual(['cancelled', 'failed', 'succeeded']);
    for (const status of RUN_STATUSES) {
      expect(isTerminal(status)).toBe(TERMINAL_RUN_STATUSES.includes(status));
      if (isTerminal(status)) expect(RUN_TRANSITIONS[status]).toEqual([]);
    }
  });

  it.each(RUN_STATUSES.filter((s) => !TERMINAL_RUN_STATUSES.includes(s)))(
    'a %s run can be cancelled and can reach a terminal status',
    (status) => {
      expect(canTransition(status, 'cancelled')).toBe(true);
      const seen = new Set<RunStatus>([status]);
      const queue = [status];
      while (queue.length)
        for (const next of RUN_TRANSITIONS[queue.shift()!])
          if (!seen.has(next) && seen.add(next)) queue.push(next);
      expect(seen.has('succeeded') || seen.has('failed')).toBe(true);
    },
  );

  it('leaves a terminal status only by an operator retry of a failed run, outside the engine table', () => {
    expect(OPERATOR_RETRY).toEqual({ from: 'failed', to: 'queued' });
    expect(isTerminal(OPERATOR_RETRY.from)).toBe(true);
    expect(canTransition(OPERATOR_RETRY.from, OPERATOR_RETRY.to)).toBe(false);
  });

  it('never re-enters scheduled or waiting', () => {
    expect(allowedFrom('scheduled')).toEqual([]);
    expect(allowedFrom('waiting')).toEqual([]);
  });
});
