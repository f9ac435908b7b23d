import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { queryRows } from '../sql/query-rows';
import { type CreateRunInput } from './create-run-input';
import { type CreatedRunRef } from './created-run';
import { buildInsertRunsQuery, INSERT_CHUNK_SIZE } from './insert-runs.query';

/**
 * Inserts runs with `manager` (call it inside a transaction), in multi-row statements of
 * `INSERT_CHUNK_SIZE`. Returns each input's run id in input order; inputs whose idempotency key
 * the tenant used before (or earlier in the same call) get the existing run's id and
 * `created: false`.
 */
export async function insertRunRows(
  manager: EntityManager,
  tenantId: string,
  inputs: readonly CreateRunInput[],
): Promise<CreatedRunRef[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => ({ id: randomUUID(), input }));
  const inserted = new Set<string>();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_SIZE) {
    const query = buildInsertRunsQuery(tenantId, rows.slice(start, start + INSERT_CHUNK_SIZE), 'id');
    const result = await queryRows(manager, query.sql, query.params);
    for (const row of result.rows) inserted.add(row['id'] as string);
  }
  const existingByKey = await idsByIdempotencyKey(
    manager,
    tenantId,
    rows.filter((row) => !inserted.has(row.id)).map((row) => row.input.idempotencyKey),
  );
  return rows.map(({ id, input }) => {
    if (inserted.has(id)) return { id, created: true };
    const existing = input.idempotencyKey ? existingByKey.get(input.idempotencyKey) : undefined;
    if (!existing) throw new Error('Run insert was skipped but no run holds its idempotency key');
    return { id: existing, created: false };
  });
}

async function idsByIdempotencyKey(
  manager: EntityManager,
  tenantId: string,
  keys: ReadonlyArray<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.filter((key): key is string => typeof key === 'string'))];
  if (wanted.length === 0) return new Map();
  const { rows } = await queryRows(
    manager,
    'SELECT id, idempotency_key FROM runs WHERE tenant_id = $1 AND idempotency_key = ANY($2::text[])',
    [tenantId, wanted],
  );
  return new Map(rows.map((row) => [row['idempotency_key'] as string, row['id'] as string]));
}
