import { type Page, type RunView } from '@gtr/domain';
import { type Metadata } from 'next';
import Link from 'next/link';
import { ApiProblemPanel } from '../../../components/api-problem-panel';
import { LiveRefresh } from '../../../components/live-refresh';
import { RunsTable } from '../../../components/runs-table';
import { StatusTabs } from '../../../components/status-tabs';
import { parseStatusFilter, runsHref, statusesOf } from '../../../lib/status-filter';
import { withApi } from '../../../server/api-client';
import { type ApiProblem, describeApiError } from '../../../lib/describe-api-error';

export const metadata: Metadata = { title: 'Runs' };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filter = parseStatusFilter(params['status']);
  const cursor = typeof params['cursor'] === 'string' && params['cursor'] ? params['cursor'] : undefined;

  let page: Page<RunView> | null = null;
  let problem: ApiProblem | null = null;
  try {
    page = await withApi((client) =>
      client.listRuns({ status: statusesOf(filter), cursor, limit: PAGE_SIZE }),
    );
  } catch (error) {
    problem = describeApiError(error);
    if (!problem) throw error;
  }

  return (
    <main className="page">
      <div className="page__head">
        <h1>Runs</h1>
        <LiveRefresh />
      </div>
      <StatusTabs current={filter} />
      {problem ? <ApiProblemPanel problem={problem} /> : null}
      {page && page.data.length > 0 ? <RunsTable runs={page.data} /> : null}
      {page && page.data.length === 0 ? (
        <p className="empty">{filter === 'all' ? 'No runs yet.' : `No ${filter} runs.`}</p>
      ) : null}
      <div className="pager">
        {cursor ? <Link href={runsHref(filter)}>Newest</Link> : null}
        {page?.nextCursor ? (
          <Link href={runsHref(filter, page.nextCursor)} rel="next">
            Older
          </Link>
        ) : null}
      </div>
    </main>
  );
}
