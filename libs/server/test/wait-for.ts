/**
 * Polls `probe` until it returns a value other than undefined, then returns it; fails with
 * `describe()` (the last state seen) once `timeoutMs` has passed.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs?: number; intervalMs?: number; describe?: () => string | Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const state = options.describe ? await options.describe() : 'condition never held';
      throw new Error(`Timed out after ${options.timeoutMs ?? 10_000} ms: ${state}`);
    }
    await sleep(options.intervalMs ?? 20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
