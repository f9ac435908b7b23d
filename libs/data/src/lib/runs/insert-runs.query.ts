import { type SqlQuery } from '../sql/sql-query';
import { toJsonParam } from '../sql/to-json-param';
import { type CreateRunInput } from './create-run-input';

/** Columns an insert sets, with the cast of each parameter. */
const COLUMNS: ReadonlyArray<readonly [column: string, cast: string]> = [
  ['id', 'uuid'],
  ['tenant_id', 'uuid'],
  ['status', 'text'],
  ['task_id', 'uuid'],
  ['task_version', 'int'],
  ['batch_id', 'uuid'],
  ['batch_row', 'int'],
  ['batch_row_id', 'text'],
  ['schedule_id', 'uuid'],
  ['provider', 'text'],
  ['model', 'text'],
  ['messages', 'jsonb'],
  ['params', 'jsonb'],
  ['output_schema', 'jsonb'],
  ['input', 'jsonb'],
  ['max_attempts', 'int'],
  ['timeout_ms', 'int'],
  ['metadata', 'jsonb'],
  ['idempotency_key', 'text'],
  ['cache_ttl_seconds', 'int'],
];

/** Rows per INSERT statement: well under Postgres's 65,535 parameters per statement. */
export const INSERT_CHUNK_SIZE = 1000;

function rowValues(tenantId: string, id: string, input: CreateRunInput): unknown[] {
  return [
    id,
    tenantId,
    input.status ?? 'queued',
    input.taskId ?? null,
    input.taskVersion ?? null,
    input.batchId ?? null,
    input.batchRow ?? null,
    input.batchRowId ?? null,
    input.scheduleId ?? null,
    input.provider,
    input.model,
    toJsonParam(input.messages),
    toJsonParam(input.params ?? {}),
    toJsonParam(input.outputSchema),
    toJsonParam(input.input),
    input.maxAttempts ?? 3,
    input.timeoutMs,
    toJsonParam(input.metadata ?? {}),
    input.idempotencyKey ?? null,
    input.cacheTtlSeconds ?? null,
  ];
}

/**
 * A multi-row INSERT of runs that skips rows whose idempotency key the tenant already used
 * (`ON CONFLICT DO NOTHING`). Ids come from the caller, so it knows which rows were skipped.
 * A queued run gets `queued_at = now()`.
 */
export function buildInsertRunsQuery(
  tenantId: string,
  rows: ReadonlyArray<{ id: string; input: CreateRunInput }>,
  returning: string,
): SqlQuery {
  const params: unknown[] = [];
  const tuples = rows.map(({ id, input }) => {
    const values = rowValues(tenantId, id, input);
    const placeholders = values.map((value, i) => {
      params.push(value);
      return `$${params.length}::${COLUMNS[i][1]}`;
    });
    placeholders.push((input.status ?? 'queued') === 'queued' ? 'now()' : 'NULL');
    return `(${placeholders.join(', ')})`;
  });
  const columns = [...COLUMNS.map(([column]) => column), 'queued_at'].map((c) => `"${c}"`).join(', ');
  return {
    sql: `INSERT INTO runs (${columns}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING RETURNING ${returning}`,
    params,
  };
}
