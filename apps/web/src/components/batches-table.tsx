import { type BatchView } from '@gtr/domain';
import Link from 'next/link';
import { formatCost } from '../lib/format-cost';
import { formatEta } from '../lib/format-eta';
import { formatThroughput } from '../lib/format-throughput';
import { formatUtc } from '../lib/format-utc';
import { shortId } from '../lib/short-id';
import { BatchProgress } from './batch-progress';
import { BatchStatusBadge } from './batch-status-badge';

export function BatchesTable({ batches }: { batches: BatchView[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Batch</th>
          <th>Status</th>
          <th>Progress</th>
          <th className="num">Throughput</th>
          <th className="num">ETA</th>
          <th className="num">Cost</th>
          <th>Created (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((batch) => (
          <tr key={batch.id} data-batch-id={batch.id}>
            <td>
              <Link href={`/batches/${batch.id}`} title={batch.id}>
                {batch.name ?? <span className="mono">{shortId(batch.id)}</span>}
              </Link>
              {batch.name ? <span className="muted mono small"> {shortId(batch.id)}</span> : null}
            </td>
            <td>
              <BatchStatusBadge status={batch.status} />
            </td>
            <td>
              <BatchProgress batch={batch} />
            </td>
            <td className="num">{formatThroughput(batch.throughputPerSecond)}</td>
            <td className="num">{formatEta(batch)}</td>
            <td className="num">{formatCost(batch.costUsd)}</td>
            <td className="mono small">{formatUtc(batch.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
