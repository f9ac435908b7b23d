import { type BatchViewStatus, RUN_STATUSES, type RunStatus } from '@gtr/domain';
import { batchActionsFor, parseBatchAction } from './batch-actions';

function counts(failed = 0): Record<RunStatus, number> {
  const all = Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;
  return { ...all, failed };
}

describe('batchActionsFor', () => {
  it.each<[BatchViewStatus, number, string[]]>([
    ['queued', 0, ['pause', 'cancel']],
    ['running', 0, ['pause', 'cancel']],
    ['running', 2, ['pause', 'cancel', 'retry-failed']],
    ['paused', 0, ['resume', 'cancel']],
    ['succeeded', 0, []],
    ['partial', 3, ['retry-failed']],
    ['failed', 5, ['retry-failed']],
    ['cancelled', 0, []],
  ])('%s with %d failed → %p', (status, failed, expected) => {
    expect(batchActionsFor({ status, counts: counts(failed) })).toEqual(expected);
  });
});

describe('parseBatchAction', () => {
  it.each(['pause', 'resume', 'cancel', 'retry-failed'])('accepts %s', (action) => {
    expect(parseBatchAction(action)).toBe(action);
  });
  it.each(['delete', '', null, undefined, 3])('refuses %p', (value) => {
    expect(parseBatchAction(value)).toBeNull();
  });
});
