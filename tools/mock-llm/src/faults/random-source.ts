/** Returns numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * A seeded source (mulberry32) so benchmarks with jitter and fault rates can be replayed;
 * without a seed, Math.random.
 */
export function createRandomSource(seed: number | null): RandomSource {
  if (seed === null) return Math.random;
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
