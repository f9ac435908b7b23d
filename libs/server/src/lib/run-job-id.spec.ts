import { runJobId } from './run-job-id';

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
