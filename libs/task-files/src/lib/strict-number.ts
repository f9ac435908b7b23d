const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number a CSV cell holds, strictly: `0` → 0, `1.5`, `-2`, `1e3`; surrounding spaces are
 * allowed. `abc`, `1x`, `0x10`, `Infinity` and `` give undefined (unlike `Number()`, which reads
 * `` as 0, or `parseFloat()`, which reads `1x` as 1).
 */
export function parseStrictNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
