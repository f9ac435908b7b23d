import { type RunView } from '@gtr/domain';
import Link from 'next/link';
import { formatCost } from '../lib/format-cost';
import { formatDuration } from '../lib/format-duration';
import { formatTokens } from '../lib/format-tokens';
import { formatUtc } from '../lib/format-utc';
import { shortId } from '../lib/short-id';
import { StatusBadge } from './status-badge';

export function RunsTable({ runs }: { runs: RunView[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Run</th>
          <th>Status</th>
          <th>Model</th>
          <th className="num">Tokens</th>
          <th className="num">Duration</th>
          <th className="num">Cost</th>
          <th>Error</th>
          <th>Created (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-run-id={run.id}>
            <td className="mono">
              <Link href={`/runs/${run.id}`} title={run.id}>
                {shortId(run.id)}
              </Link>
            </td>
            <td>
              <StatusBadge status={run.status} />
            </td>
            <td>
              {run.model} <span className="muted">· {run.provider}</span>
            </td>
            <td className="num">{formatTokens(run.usage?.totalTokens)}</td>
            <td className="num">{formatDuration(run.durationMs)}</td>
            <td className="num">
              {run.costUsd === null ? <span className="muted">—</span> : formatCost(run.costUsd)}
            </td>
            <td className="mono small">
              {run.error ? <span title={run.error.message}>{run.error.code}</span> : null}
            </td>
            <td className="mono small">{formatUtc(run.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
