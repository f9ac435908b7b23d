import { isTerminal } from '@gtr/domain';
import { type Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AttemptsTable } from '../../../../components/attempts-table';
import { CancelRunButton } from '../../../../components/cancel-run-button';
import { JsonBlock } from '../../../../components/json-block';
import { LiveRefresh } from '../../../../components/live-refresh';
import { MessagesList } from '../../../../components/messages-list';
import { RunSummary } from '../../../../components/run-summary';
import { shortId } from '../../../../lib/short-id';
import { withApi } from '../../../../server/api-client';
import { GtrApiError } from '@gtr/client';
import { cancelRun } from './cancel-run.action';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Run ${shortId((await params).id)}` };
}

export default async function RunPage({ params }: { params: Params }) {
  const { id } = await params;
  const run = await withApi((client) => client.getRun(id)).catch((error: unknown) => {
    // A malformed id is as absent as an unknown one.
    if (error instanceof GtrApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  });
  const terminal = isTerminal(run.status);
  const hasMetadata = Object.keys(run.metadata).length > 0;
  const hasParams = Object.keys(run.params).length > 0;

  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/runs">Runs</Link> / <span className="mono">{shortId(run.id)}</span>
      </p>
      <div className="page__head">
        <h1>
          Run <span className="mono">{run.id}</span>
        </h1>
        {terminal ? null : <LiveRefresh runId={run.id} />}
        {terminal ? null : <CancelRunButton action={cancelRun.bind(null, run.id)} />}
      </div>

      {run.error ? (
        <div className="callout callout--danger" role="alert">
          <code>{run.error.code}</code> {run.error.message}
        </div>
      ) : null}

      <RunSummary run={run} />

      <section className="section">
        <h2>Messages</h2>
        <MessagesList messages={run.messages} />
      </section>

      <section className="section">
        <h2>Output</h2>
        {run.output?.text ? (
          <pre className="output" data-testid="output-text">
            {run.output.text}
          </pre>
        ) : (
          <p className="empty">{terminal ? 'No output.' : 'Not finished yet.'}</p>
        )}
        {run.output && run.output.json !== null && run.output.json !== undefined ? (
          <>
            <h3>Parsed JSON</h3>
            <JsonBlock value={run.output.json} empty="" />
          </>
        ) : null}
      </section>

      <section className="section">
        <h2>Attempts</h2>
        <AttemptsTable attempts={run.attempts} />
      </section>

      <div className="columns">
        <section className="section">
          <h2>Parameters</h2>
          <JsonBlock value={hasParams ? run.params : null} empty="Provider defaults." />
        </section>
        <section className="section">
          <h2>Metadata</h2>
          <JsonBlock value={hasMetadata ? run.metadata : null} empty="No metadata." />
        </section>
      </div>
    </main>
  );
}
