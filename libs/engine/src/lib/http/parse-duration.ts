const UNIT_MS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  μs: 0.001,
  ns: 0.000_001,
};

// `ms` must come before `m` and `s` so that `20ms` is not read as 20 minutes and a stray `s`.
const PART = /(\d+(?:\.\d+)?|\.\d+)(ms|us|µs|μs|ns|h|m|s)/y;
const BARE_SECONDS = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Parses a Go-style duration as OpenAI sends it in `x-ratelimit-reset-*` (`1s`, `6m0s`, `20ms`,
 * `1h2m3.5s`) into milliseconds. A bare number is read as seconds, as some OpenAI-compatible
 * servers send it. Returns null for anything else.
 */
export function parseDuration(text: string | null | undefined): number | null {
  const value = text?.trim();
  if (!value) return null;
  if (BARE_SECONDS.test(value)) return roundMs(Number(value) * 1000);
  PART.lastIndex = 0;
  let total = 0;
  while (PART.lastIndex < value.length) {
    const match = PART.exec(value);
    if (!match) return null;
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return roundMs(total);
}

// Multiplying decimal fractions leaves float noise (3.5 s → 3500.0000000000005); microsecond precision is plenty.
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
