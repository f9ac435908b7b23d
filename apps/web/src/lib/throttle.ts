/** A throttled function plus a way to drop a pending trailing call. */
export interface Throttled {
  (): void;
  cancel(): void;
}

/**
 * Calls `fn` at once, then at most once per `waitMs`: calls inside the window collapse into
 * one trailing call at its end, so a burst of events costs two refreshes, not one per event.
 */
export function throttle(fn: () => void, waitMs: number): Throttled {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = (): void => {
    timer = null;
    last = Date.now();
    fn();
  };

  const throttled = (): void => {
    if (timer) return;
    const wait = last + waitMs - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
