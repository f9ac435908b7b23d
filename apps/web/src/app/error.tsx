'use client';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="page page--narrow">
      <h1>Something went wrong</h1>
      <p className="muted">
        The dashboard could not show this page{error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
