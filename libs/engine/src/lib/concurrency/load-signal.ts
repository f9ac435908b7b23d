import { type AttemptOutcome } from '../attempt/execute-attempt';

/**
 * What a finished call says about the provider's load: `overload` for 429s (rate limit, not
 * quota), 5xx and timeouts; `success` for an answer; `neutral` for everything that is about the
 * request or the caller (bad input, content filter, cancel, network, quota).
 */
export type LoadSignal = 'success' | 'overload' | 'neutral';

/** The {@link LoadSignal} of an attempt's outcome. */
export function loadSignalOf(outcome: AttemptOutcome): LoadSignal {
  if (outcome.ok) return 'success';
  switch (outcome.error.code) {
    case 'E_RATE_LIMIT':
    case 'E_SERVER_ERROR':
    case 'E_TIMEOUT':
      return 'overload';
    default:
      return 'neutral';
  }
}
