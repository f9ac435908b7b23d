'use client';

import { useActionState } from 'react';
import { signIn, type SignInState } from './sign-in.action';

const initialState: SignInState = { error: null };

export function SignInForm({ notice }: { notice: string | null }) {
  const [state, action, pending] = useActionState(signIn, initialState);
  const message = state.error ?? notice;
  return (
    <form action={action} className="signin">
      <label htmlFor="apiKey">API key</label>
      <input
        id="apiKey"
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="gtr_…"
        required
        autoFocus
      />
      {message ? (
        <p role="alert" className={state.error ? 'form-error' : 'form-notice'}>
          {message}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Checking…' : 'Sign in'}
      </button>
    </form>
  );
}
