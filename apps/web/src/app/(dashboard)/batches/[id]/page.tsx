import { type BatchView, type Page, type RunView } from '@gtr/domain';
import { GtrApiError } from '@gtr/client';
import { type Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiProblemPanel } from '../../../../components/api-problem-panel';
import { BatchActionsForm } from '../../../../components/batch-actions-form';
import { BatchSummary } from '../../../../components/batch-summary';
import { LiveRefresh } from '../../../../components/live-refresh';
import { RunsTable } from '../../../../components/runs-table';
import { batchActionsFor } from '../../../../lib/batch-actions';
import { type ApiProblem, describeApiError } from '../../../../lib/describe-api-error';
import { pagedHref } from '../../../../lib/paged-href';
import { shortId } from '../../../../lib/short-id';
import { withApi } from '../../../../server/api-client';
import { batchAction } from './batch-action.action';

const RUNS_PAGE_SIZE = 50;
// Events arrive per run; the poll catches what they do not show (ETA and throughput drifting,
// a pause taking hold) and a dropped stream.
const POLL_MS = 5_000;

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Batch ${shortId((await params).id)}` };
}

export default async function BatchPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const query = await searchParams;
  const cursor = typeof query['cursor'] === 'string' && query['cursor'] ? query['cursor'] : undefined;

  const batch: BatchView = await withApi((client) => client.getBatch(id)).catch((error: unknown) => {
    // A malformed id is as absent as an unknown one.
    if (error instanceof GtrApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  });
  let runs: Page<RunView> | null = null;
  let problem: ApiProblem | null = null;
  try {
    runs = await withApi((client) => client.listBatchRuns(id, { cursor, limit: RUNS_PAGE_SIZE }));
  } catch (error) {
    problem = describeApiError(error);
    if (!problem) throw error;
  }
  const finished = batch.finishedAt !== null;
  const path = `/batches/${batch.id}`;

  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/batches">Batches</Link> / <span className="mono">{shortId(batch.id)}</span>
      </p>
      <div className="page__head">
        <h1>
          {batch.name ?? 'Batch'} <span className="mono small muted">{batch.id}</span>
        </h1>
        {finished ? null : <LiveRefresh batchId={batch.id} pollMs={POLL_MS} />}
      </div>

      <BatchActionsForm actions={batchActionsFor(batch)} action={batchAction.bind(null, batch.id)} />

      <BatchSummary batch={batch} />

      <section className="section">
        <h2>Runs</h2>
        {problem ? <ApiProblemPanel problem={problem} /> : null}
        {runs && runs.data.length > 0 ? <RunsTable runs={runs.data} /> : null}
        {runs && runs.data.length === 0 ? <p className="empty">No runs on this page.</p> : null}
        <div className="pager">
          {cursor ? <Link href={path}>First</Link> : null}
          {runs?.nextCursor ? (
            <Link href={pagedHref(path, runs.nextCursor)} rel="next">
              Next
            </Link>
          ) : null}
        </div>
      </section>
    </main>
  );
}
