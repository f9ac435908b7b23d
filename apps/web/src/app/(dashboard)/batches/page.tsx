import { type BatchView, type Page } from '@gtr/domain';
import { type Metadata } from 'next';
import Link from 'next/link';
import { ApiProblemPanel } from '../../../components/api-problem-panel';
import { BatchesTable } from '../../../components/batches-table';
import { LiveRefresh } from '../../../components/live-refresh';
import { type ApiProblem, describeApiError } from '../../../lib/describe-api-error';
import { pagedHref } from '../../../lib/paged-href';
import { withApi } from '../../../server/api-client';

export const metadata: Metadata = { title: 'Batches' };

const PAGE_SIZE = 50;
// Throughput and ETA move between run events; a slow poll keeps them current.
const POLL_MS = 10_000;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BatchesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const cursor = typeof params['cursor'] === 'string' && params['cursor'] ? params['cursor'] : undefined;

  let page: Page<BatchView> | null = null;
  let problem: ApiProblem | null = null;
  try {
    page = await withApi((client) => client.listBatches({ cursor, limit: PAGE_SIZE }));
  } catch (error) {
    problem = describeApiError(error);
    if (!problem) throw error;
  }

  return (
    <main className="page">
      <div className="page__head">
        <h1>Batches</h1>
        <LiveRefresh pollMs={POLL_MS} />
      </div>
      {problem ? <ApiProblemPanel problem={problem} /> : null}
      {page && page.data.length > 0 ? <BatchesTable batches={page.data} /> : null}
      {page && page.data.length === 0 ? <p className="empty">No batches yet.</p> : null}
      <div className="pager">
        {cursor ? <Link href="/batches">Newest</Link> : null}
        {page?.nextCursor ? (
          <Link href={pagedHref('/batches', page.nextCursor)} rel="next">
            Older
          </Link>
        ) : null}
      </div>
    </main>
  );
}
