'use server';

import { redirect } from 'next/navigation';
import { apiClientFor } from '../../server/api-client';
import { describeApiError } from '../../lib/describe-api-error';
import { storeSessionKey } from '../../server/session-cookie';

export interface SignInState {
  error: string | null;
}

/** Checks the pasted key with `GET /v1/me`, then keeps it in the session cookie. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const apiKey = String(form.get('apiKey') ?? '').trim();
  if (!apiKey) return { error: 'Paste an API key.' };
  try {
    await apiClientFor(apiKey).me();
  } catch (error) {
    const problem = describeApiError(error);
    if (problem) return { error: problem.message };
    throw error;
  }
  await storeSessionKey(apiKey);
  redirect('/runs');
}
