/**
 * Every fault the mock can inject into a chat completion, in the order the probabilities
 * are checked:
 * - `error500` / `error503`: `server_error` with that status;
 * - `rateLimit`: 429 `rate_limit_exceeded` (type `requests`), whatever the real limits say;
 * - `quota`: 429 `insufficient_quota`;
 * - `contextLength`: 400 `context_length_exceeded` (param `messages`);
 * - `contentFilter`: 200 with `finish_reason: 'content_filter'` and `content: null`;
 * - `malformed`: 200 whose body (or SSE chunk) is cut-off JSON;
 * - `hang`: never answers; the request ends only when the client gives up.
 */
export const FAULT_KINDS = [
  'error500',
  'error503',
  'rateLimit',
  'quota',
  'contextLength',
  'contentFilter',
  'malformed',
  'hang',
] as const;

/** One injectable fault; see {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Maps the `[[fail:…]]` marker names to the fault they trigger. */
export const MARKER_FAULTS: Readonly<Record<string, FaultKind>> = {
  '500': 'error500',
  '503': 'error503',
  '429': 'rateLimit',
  quota: 'quota',
  context: 'contextLength',
  filter: 'contentFilter',
  malformed: 'malformed',
  hang: 'hang',
};
