import { isTerminal, type RunDetailView, type RunEvent } from '@gtr/domain';
import { GtrApiError } from './gtr-api-error';
import { GtrNetworkError } from './gtr-network-error';
import { type RequestOptions } from './request-options';
import { Wakeup } from './wakeup';

/** Options of `GtrClient.waitForRun`. */
export interface WaitForRunOptions extends RequestOptions {
  /** Called with the run on the first read and whenever its status or attempt count changes. */
  onUpdate?: (run: RunDetailView) => void;
  /** Fallback poll interval in ms (default 2000); an event for the run polls at once. */
  pollMs?: number;
}

/** What waiting needs from the client. */
export interface RunSource {
  getRun(id: string, options?: RequestOptions): Promise<RunDetailView>;
  events(options: { runId?: string; signal?: AbortSignal }): AsyncIterable<RunEvent>;
}

export const DEFAULT_POLL_MS = 2000;

/** Consecutive failed polls tolerated while the API restarts or a gateway hiccups. */
const MAX_TRANSIENT_FAILURES = 5;

/**
 * Resolves with the run once its status is terminal. Events for the run trigger an immediate
 * read; polling every `pollMs` covers events missed before the subscription was live and a
 * broken stream. Rejects with the signal's reason on abort, or with the error of a read that
 * is not transient (e.g. `E_NOT_FOUND`).
 */
export async function waitForRun(
  source: RunSource,
  id: string,
  options: WaitForRunOptions = {},
): Promise<RunDetailView> {
  const { signal, onUpdate, pollMs = DEFAULT_POLL_MS } = options;
  signal?.throwIfAborted();
  const wakeup = new Wakeup();
  const subscription = new AbortController();
  const stopSubscription = (): void => subscription.abort();
  signal?.addEventListener('abort', stopSubscription, { once: true });
  void listen(source, id, subscription.signal, wakeup);

  try {
    let last: RunDetailView | undefined;
    let failures = 0;
    for (;;) {
      let run: RunDetailView | undefined;
      try {
        run = await source.getRun(id, { signal });
        failures = 0;
      } catch (error) {
        if (signal?.aborted || !isTransient(error) || ++failures > MAX_TRANSIENT_FAILURES) throw error;
      }
      if (run) {
        if (!last || last.status !== run.status || last.attemptCount !== run.attemptCount) onUpdate?.(run);
        last = run;
        if (isTerminal(run.status)) return run;
      }
      await wakeup.sleep(pollMs, signal);
      signal?.throwIfAborted();
    }
  } finally {
    signal?.removeEventListener('abort', stopSubscription);
    subscription.abort();
  }
}

/** Events only hint that a read is due; if the stream fails, polling carries on alone. */
async function listen(source: RunSource, id: string, signal: AbortSignal, wakeup: Wakeup): Promise<void> {
  try {
    for await (const event of source.events({ runId: id, signal })) {
      if (event.runId === id) wakeup.notify();
    }
  } catch {
    // Deliberately ignored: see above.
  }
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof GtrNetworkError ||
    (error instanceof GtrApiError && [502, 503, 504].includes(error.status))
  );
}
