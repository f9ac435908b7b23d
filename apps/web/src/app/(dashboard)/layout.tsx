import { type MeView } from '@gtr/client';
import Link from 'next/link';
import { type ReactNode } from 'react';
import { ApiProblemPanel } from '../../components/api-problem-panel';
import { type ApiProblem, describeApiError } from '../../lib/describe-api-error';
import { withApi } from '../../server/api-client';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  let me: MeView | null = null;
  let problem: ApiProblem | null = null;
  try {
    me = await withApi((client) => client.me());
  } catch (error) {
    problem = describeApiError(error);
    if (!problem) throw error;
  }
  return (
    <>
      <header className="topbar">
        <Link href="/runs" className="brand">
          gtr
        </Link>
        <nav className="topbar__nav">
          <Link href="/runs">Runs</Link>
          <Link href="/batches">Batches</Link>
        </nav>
        {me ? (
          <span className="topbar__tenant" title={`Key ${me.keyId}`}>
            {me.tenantName}
          </span>
        ) : null}
        <form action="/logout" method="post">
          <button type="submit" className="button button--ghost">
            Sign out
          </button>
        </form>
      </header>
      {problem ? (
        <main className="page">
          <ApiProblemPanel problem={problem} />
        </main>
      ) : (
        children
      )}
    </>
  );
}
