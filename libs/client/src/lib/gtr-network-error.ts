import { GtrError } from '@gtr/domain';

/**
 * The API could not be reached (connection refused, DNS failure, no answer in time, or the
 * connection broke mid-stream). Code `E_NETWORK`; the message names the URL and how to fix it.
 */
export class GtrNetworkError extends GtrError {
  /** What the caller can do about it. Also part of the message, for callers that only show that. */
  readonly action: string;

  constructor(
    /** The API base URL that was tried (credentials stripped). */
    readonly url: string,
    reason: string,
  ) {
    const action = 'Start it with `npm start`, or set GTR_API_URL to where it runs.';
    super('E_NETWORK', `Cannot reach the gtr API at ${url} (${reason}). ${action}`);
    this.name = 'GtrNetworkError';
    this.action = action;
  }
}
