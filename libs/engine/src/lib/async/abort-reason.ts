/** What an aborted wait rejects with: the signal's reason, or an `AbortError` when it gave none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The wait was aborted.', 'AbortError');
}
