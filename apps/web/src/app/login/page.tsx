import { type Metadata } from 'next';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { expired } = await searchParams;
  return (
    <main className="signin-page">
      <div className="signin-card">
        <h1>
          <span className="brand">gtr</span> dashboard
        </h1>
        <p className="muted">
          Paste an API key of your tenant. It is kept in an httpOnly cookie and only sent to the API by this
          server.
        </p>
        <SignInForm notice={expired ? 'Your session has expired. Sign in again.' : null} />
      </div>
    </main>
  );
}
