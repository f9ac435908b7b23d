import { redirect } from 'next/navigation';
import { apiBaseUrl } from './api-base-url';
import { createGtrClient, GtrApiError, type GtrClient } from '@gtr/client';
import { readSessionKey } from './session-cookie';

/** A client of the API acting with `apiKey`. */
export function apiClientFor(apiKey: string): GtrClient {
  return createGtrClient({ baseUrl: apiBaseUrl(), apiKey });
}

/**
 * Runs `fn` with a client for the signed-in operator. No cookie, or a key the API no longer
 * accepts, sends the browser to the sign-in page.
 */
export async function withApi<T>(fn: (client: GtrClient) => Promise<T>): Promise<T> {
  const apiKey = await readSessionKey();
  if (!apiKey) redirect('/login');
  try {
    return await fn(apiClientFor(apiKey));
  } catch (error) {
    if (error instanceof GtrApiError && error.status === 401) redirect('/login?expired=1');
    throw error;
  }
}
