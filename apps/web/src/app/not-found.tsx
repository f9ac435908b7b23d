import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page page--narrow">
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address, or it belongs to another tenant.</p>
      <p>
        <Link href="/runs">Back to runs</Link>
      </p>
    </main>
  );
}
