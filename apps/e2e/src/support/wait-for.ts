import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this long; generous, since CI shares two cores between several suites. */
  timeoutMs: number;
  /** Between two probes. Default 200 ms. */
  intervalMs?: number;
  /** Appended to the timeout error: process logs, the last state seen. */
  diagnostics?: () => string;
}

/**
 * Probes until `probe` returns something other than `undefined`, `null` or `false`, and returns
 * it. End-to-end tests wait for states this way instead of sleeping for a guessed time.
 * @throws Error naming `what` when the time is up.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: WaitForOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${what}\n${options.diagnostics?.() ?? ''}`,
      );
    }
    await sleep(options.intervalMs ?? 200);
  }
}
