import { pickFault, type FaultContext } from './pick-fault';
import { createRandomSource } from './random-source';

function context(overrides: Partial<FaultContext>): FaultContext {
  return { marker: null, promptSeen: 1, failNext: {}, faults: {}, random: () => 0.5, ...overrides };
}

describe('pickFault', () => {
  it('picks nothing by default', () => {
    expect(pickFault(context({}))).toEqual({ fault: null, failNext: {} });
  });

  it('lets an always-marker win over queued and random faults', () => {
    const failNext = { error503: 1 };
    const decision = pickFault(
      context({ marker: { fault: 'hang', times: null }, promptSeen: 9, failNext, faults: { error500: 1 } }),
    );
    expect(decision).toEqual({ fault: 'hang', failNext });
  });

  it('fails a counted marker only while the prompt is new enough', () => {
    const marker = { fault: 'error500' as const, times: 2 };
    expect(pickFault(context({ marker, promptSeen: 2 })).fault).toBe('error500');
    expect(pickFault(context({ marker, promptSeen: 3 })).fault).toBeNull();
  });

  it('consumes failNext counts in fault order', () => {
    const first = pickFault(context({ failNext: { hang: 1, error500: 2 } }));
    expect(first).toEqual({ fault: 'error500', failNext: { hang: 1, error500: 1 } });
    const next = pickFault(context({ failNext: { hang: 1, error500: 0 } }));
    expect(next).toEqual({ fault: 'hang', failNext: { hang: 0, error500: 0 } });
  });

  it('draws each probability in order', () => {
    expect(pickFault(context({ faults: { error500: 0.4, malformed: 0.6 } })).fault).toBe('malformed');
    expect(pickFault(context({ faults: { error500: 0.6, malformed: 0.6 } })).fault).toBe('error500');
    expect(pickFault(context({ faults: { error500: 0 }, random: () => 0 })).fault).toBeNull();
  });
});

describe('createRandomSource', () => {
  it('replays the same numbers for the same seed', () => {
    const a = createRandomSource(42);
    const b = createRandomSource(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(createRandomSource(43)()).not.toBe(first[0]);
  });

  it('falls back to Math.random without a seed', () => {
    expect(createRandomSource(null)).toBe(Math.random);
  });
});
