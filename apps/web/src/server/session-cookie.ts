import { cookies, headers } from 'next/headers';

/** The httpOnly cookie that holds the operator's API key. */
export const SESSION_COOKIE = 'gtr_session';

const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/** The API key of the signed-in operator, or null. */
export async function readSessionKey(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value || null;
}

/** Stores the key; only callable from a server action or route handler. */
export async function storeSessionKey(apiKey: string): Promise<void> {
  // Secure only over https, so the dashboard still works on plain http://127.0.0.1.
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(SESSION_COOKIE, apiKey, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: SESSION_MAX_AGE_S,
  });
}

/** A Set-Cookie value that removes the session cookie. */
export const CLEAR_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`;
