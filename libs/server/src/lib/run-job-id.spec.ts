import { runJobId, runJobOf } from './run-job-id';

describe('runJobId', () => {
  const id = '6f1c2b1e-9a56-4b7e-8d0f-2f0c8f6f4d21';

  it.each([
    [0, id],
    [1, id],
    [2, `${id}_2`],
    [17, `${id}_17`],
  ])('names attempt %i %s', (attempt, expected) => {
    expect(runJobId(id, attempt)).toBe(expected);
  });

  it('never contains a colon, which BullMQ job ids may not', () => {
    expect(runJobId(id, 3)).not.toContain(':');
  });
});

describe('runJobOf', () => {
  const run = { runId: '6f1c2b1e-9a56-4b7e-8d0f-2f0c8f6f4d21', tenantId: 't-1' };

  it('points at the run only when it has no batch cap', () => {
    expect(runJobOf({ ...run, batch: null }, 1)).toEqual({ id: run.runId, payload: run });
  });

  it("carries the batch cap, the attempt's id, priority and delay", () => {
    const batch = { id: 'b-1', concurrency: 4 };
    expect(runJobOf({ ...run, batch }, 3, { priority: 7, delayMs: 50 })).toEqual({
      id: `${run.runId}_3`,
      payload: { ...run, batch },
      priority: 7,
      delayMs: 50,
    });
  });
});
