import { GtrApiError, GtrNetworkError } from '@gtr/client';

/** What an operator may read about a failed API call. */
export interface ApiProblem {
  code: string;
  message: string;
}

/**
 * The API's own words when it answered; a generic line when it could not be reached, because
 * that error names the API's address, which the browser must not learn. Null for other errors.
 */
export function describeApiError(error: unknown): ApiProblem | null {
  if (error instanceof GtrApiError) return { code: error.code, message: error.message };
  if (error instanceof GtrNetworkError) {
    return { code: error.code, message: 'The API cannot be reached right now. Try again in a moment.' };
  }
  return null;
}
