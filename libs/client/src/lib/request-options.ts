/** Per-call options of every `GtrClient` method. */
export interface RequestOptions {
  /** Aborts the request; the call then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
}
