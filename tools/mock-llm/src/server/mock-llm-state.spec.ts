import { DEFAULT_CONFIG } from '../options/default-config';
import { MockLlmState } from './mock-llm-state';
import { pause } from './pause';

describe('MockLlmState', () => {
  it('draws latency within the jitter and replays it after a reset', () => {
    const state = new MockLlmState({ ...DEFAULT_CONFIG, latencyMs: 100, jitterMs: 20, seed: 3 });
    const first = Array.from({ length: 50 }, () => state.latency());
    expect(first.every((ms) => ms >= 80 && ms <= 120)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(10);
    state.reset();
    expect(Array.from({ length: 50 }, () => state.latency())).toEqual(first);
  });

  it('never waits less than zero and is exact without jitter', () => {
    const state = new MockLlmState({ ...DEFAULT_CONFIG, latencyMs: 0, jitterMs: 50, seed: 1 });
    expect(Array.from({ length: 20 }, () => state.latency()).every((ms) => ms >= 0)).toBe(true);
    state.configure({ latencyMs: 30, jitterMs: 0 });
    expect(state.latency()).toBe(30);
  });

  it('restores the start behaviour only when asked', () => {
    const state = new MockLlmState({ ...DEFAULT_CONFIG, rpm: 5 });
    state.configure({ rpm: 9 });
    state.reset();
    expect(state.config.rpm).toBe(9);
    state.reset(true);
    expect(state.config.rpm).toBe(5);
  });
});

describe('pause', () => {
  it('resolves false at once when already aborted and true for no wait', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await expect(pause(1000, aborted.signal)).resolves.toBe(false);
    await expect(pause(0, new AbortController().signal)).resolves.toBe(true);
    await expect(pause(1, new AbortController().signal)).resolves.toBe(true);
  });
});
