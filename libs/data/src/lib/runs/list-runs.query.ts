import { type SqlQuery } from '../sql/sql-query';
import { type ListRunsOptions } from './list-runs-options';
import { type RunCursor } from './run-cursor';

/**
 * The run list query: newest first, keyset-paged on (created_at DESC, id DESC), which
 * `IDX_runs_tenant_created` / `IDX_runs_tenant_status_created` serve in order. Selects one row
 * more than the page to tell whether another page follows, and `created_at` with microseconds
 * for the cursor.
 */
export function buildListRunsQuery(
  tenantId: string,
  options: Pick<ListRunsOptions, 'status' | 'batchId'>,
  limit: number,
  cursor: RunCursor | null,
): SqlQuery {
  const params: unknown[] = [tenantId];
  const where = ['r.tenant_id = $1'];
  const statuses = options.status ?? [];
  if (statuses.length === 1) {
    // Plain equality lets the planner read the status index in order.
    params.push(statuses[0]);
    where.push(`r.status = $${params.length}`);
  } else if (statuses.length > 1) {
    params.push([...statuses]);
    where.push(`r.status = ANY($${params.length}::text[])`);
  }
  if (options.batchId !== undefined) {
    params.push(options.batchId);
    where.push(`r.batch_id = $${params.length}::uuid`);
  }
  if (cursor) {
    params.push(cursor.createdAt, cursor.id);
    where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const sql = `
    SELECT r.*, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_created_at
    FROM runs r
    WHERE ${where.join(' AND ')}
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT $${params.length}`;
  return { sql, params };
}
