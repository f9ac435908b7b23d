import { allowedFrom } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { ProviderBatchEntity } from '../entities/provider-batch.entity';
import { RunEntity } from '../entities/run.entity';
import { hydrateEntity } from '../sql/hydrate-entity';
import { queryRows, type Row } from '../sql/query-rows';
import {
  type ClaimedProviderBatchRun,
  type ProviderBatchChunkInput,
  type ProviderBatchPoll,
  type ProviderBatchRun,
  type ProviderBatchView,
  type UnplannedBatch,
  providerBatchClaim,
} from './provider-batch-view';

const CLAIMABLE = allowedFrom('running');
const MS = `* interval '1 millisecond'`;

/**
 * The progress of `provider_batch` batches in Postgres: how each batch is split into files, and
 * each file's provider ids and status. Every step is a guarded UPDATE, so two workers never
 * submit the same file and a worker restart resumes where Postgres says it stood.
 */
export class ProviderBatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private view(row: Row): ProviderBatchView {
    const entity = hydrateEntity(this.dataSource, ProviderBatchEntity, row);
    return {
      id: entity.id,
      tenantId: entity.tenantId,
      batchId: entity.batchId,
      chunkIndex: entity.chunkIndex,
      provider: entity.provider,
      model: entity.model,
      runIds: entity.runIds,
      status: entity.status,
      inputFileId: entity.inputFileId,
      providerBatchId: entity.providerBatchId,
      providerStatus: entity.providerStatus,
      outputFileId: entity.outputFileId,
      errorFileId: entity.errorFileId,
      completedCount: entity.completedCount,
      failedCount: entity.failedCount,
      lastPolledAt: entity.lastPolledAt,
      submittedAt: entity.submittedAt,
      finishedAt: entity.finishedAt,
      errorMessage: entity.errorMessage,
    };
  }

  private run(row: Row): ProviderBatchRun {
    const run = hydrateEntity(this.dataSource, RunEntity, row);
    return {
      runId: run.id,
      tenantId: run.tenantId,
      batchId: run.batchId,
      provider: run.provider,
      model: run.model,
      messages: run.messages,
      params: run.params,
      outputSchema: run.outputSchema,
    };
  }

  /** Batches in `provider_batch` mode, not cancelled, with no file stored yet; oldest first. */
  async findUnplanned(limit: number): Promise<UnplannedBatch[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT b.id, b.tenant_id FROM batches b
       WHERE b.mode = 'provider_batch' AND b.status <> 'cancelled'
         AND NOT EXISTS (SELECT 1 FROM provider_batches p WHERE p.batch_id = b.id)
       ORDER BY b.created_at
       LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ batchId: row['id'] as string, tenantId: row['tenant_id'] as string }));
  }

  /** The runs of a batch that still wait to be sent, in row order. */
  async findPendingRuns(tenantId: string, batchId: string): Promise<ProviderBatchRun[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM runs WHERE tenant_id = $1 AND batch_id = $2 AND status = ANY($3::text[])
       ORDER BY batch_row, id`,
      [tenantId, batchId, CLAIMABLE],
    );
    return rows.map((row) => this.run(row));
  }

  /**
   * Stores how a batch is split, unless it already is (another worker won): returns whether
   * these files were stored. A batch with nothing left to send gets one `finished` empty file,
   * so it is not looked at again. The batch row is locked meanwhile, so two splits never mix.
   */
  async createChunks(tenantId: string, batchId: string, chunks: ProviderBatchChunkInput[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await queryRows(
        manager,
        'SELECT id FROM batches WHERE id = $1 AND tenant_id = $2 FOR UPDATE',
        [batchId, tenantId],
      );
      if (locked.rows.length === 0) return false;
      const existing = await queryRows(
        manager,
        'SELECT 1 FROM provider_batches WHERE batch_id = $1 LIMIT 1',
        [batchId],
      );
      if (existing.rows.length > 0) return false;
      if (chunks.length === 0) {
        await queryRows(
          manager,
          `INSERT INTO provider_batches (tenant_id, batch_id, chunk_index, provider, model, run_ids, status, finished_at)
           VALUES ($1, $2, 0, '', '', '{}', 'finished', now())`,
          [tenantId, batchId],
        );
        return true;
      }
      for (const [index, chunk] of chunks.entries()) {
        await queryRows(
          manager,
          `INSERT INTO provider_batches (tenant_id, batch_id, chunk_index, provider, model, run_ids)
           VALUES ($1, $2, $3, $4, $5, $6::uuid[])`,
          [tenantId, batchId, index, chunk.provider, chunk.model, chunk.runIds],
        );
      }
      return true;
    });
  }

  /**
   * Files with work to do now: planned ones, submissions whose worker's lease ran out, and
   * submitted ones not polled for `pollIntervalMs`; least recently polled first.
   */
  async findDue(pollIntervalMs: number, limit: number): Promise<ProviderBatchView[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM provider_batches
       WHERE status <> 'finished'
         AND (status = 'planned'
           OR (status = 'submitting' AND lease_until < now())
           OR (status = 'submitted' AND (last_polled_at IS NULL OR last_polled_at < now() - $1::double precision ${MS})))
       ORDER BY last_polled_at NULLS FIRST, created_at
       LIMIT $2`,
      [pollIntervalMs, limit],
    );
    return rows.map((row) => this.view(row));
  }

  /** The files of a batch, in order. */
  async findByBatch(tenantId: string, batchId: string): Promise<ProviderBatchView[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM provider_batches WHERE tenant_id = $1 AND batch_id = $2 ORDER BY chunk_index',
      [tenantId, batchId],
    );
    return rows.map((row) => this.view(row));
  }

  /**
   * Takes the right to submit a file for `leaseMs`: a planned file, or one whose submitting
   * worker's lease ran out. Null when another worker holds it or it is past submitting.
   */
  async claimSubmission(id: string, owner: string, leaseMs: number): Promise<ProviderBatchView | null> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `UPDATE provider_batches
         SET status = 'submitting', lease_owner = $2, lease_until = now() + $3::double precision ${MS}
       WHERE id = $1 AND (status = 'planned' OR (status = 'submitting' AND lease_until < now()))
       RETURNING *`,
      [id, owner, leaseMs],
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  /**
   * Moves the file's runs that are still waiting to `running`, claimed by the file (one
   * attempt each), and returns every run the file holds — with those an earlier, interrupted
   * submission claimed. Cancelled runs are left out.
   */
  async claimRuns(chunk: Pick<ProviderBatchView, 'id' | 'runIds'>): Promise<ClaimedProviderBatchRun[]> {
    const claim = providerBatchClaim(chunk.id);
    await queryRows(
      this.dataSource.manager,
      `UPDATE runs
         SET status = 'running', attempt_count = attempt_count + 1, claimed_by = $2, claimed_at = now(),
             started_at = COALESCE(started_at, now()), next_attempt_at = NULL
       WHERE id = ANY($1::uuid[]) AND status = ANY($3::text[])`,
      [chunk.runIds, claim, CLAIMABLE],
    );
    return this.findClaimedRuns(chunk);
  }

  /** The runs of the file still held by it (running, claimed by the file), in file order. */
  async findClaimedRuns(chunk: Pick<ProviderBatchView, 'id' | 'runIds'>): Promise<ClaimedProviderBatchRun[]> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM runs WHERE id = ANY($1::uuid[]) AND status = 'running' AND claimed_by = $2
       ORDER BY array_position($1::uuid[], id)`,
      [chunk.runIds, providerBatchClaim(chunk.id)],
    );
    return rows.map((row) => ({ ...this.run(row), attemptNumber: row['attempt_count'] as number }));
  }

  /** Remembers the uploaded input file, if this worker still holds the submission. */
  async recordUpload(id: string, owner: string, inputFileId: string): Promise<boolean> {
    const { affected } = await queryRows(
      this.dataSource.manager,
      `UPDATE provider_batches SET input_file_id = $3
       WHERE id = $1 AND status = 'submitting' AND lease_owner = $2`,
      [id, owner, inputFileId],
    );
    return affected > 0;
  }

  /** The provider accepted the batch: from now on it is polled. */
  async recordSubmitted(
    id: string,
    owner: string,
    providerBatchId: string,
    providerStatus: string,
  ): Promise<boolean> {
    const { affected } = await queryRows(
      this.dataSource.manager,
      `UPDATE provider_batches
         SET status = 'submitted', provider_batch_id = $3, provider_status = $4, submitted_at = now(),
             last_polled_at = now(), lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND status = 'submitting' AND lease_owner = $2`,
      [id, owner, providerBatchId, providerStatus],
    );
    return affected > 0;
  }

  /**
   * Takes the next poll of a submitted file: stamps `last_polled_at` unless another worker
   * polled it within `pollIntervalMs`. Null when it is not this worker's turn.
   */
  async claimPoll(id: string, pollIntervalMs: number): Promise<ProviderBatchView | null> {
    const { rows } = await queryRows(
      this.dataSource.manager,
      `UPDATE provider_batches SET last_polled_at = now()
       WHERE id = $1 AND status = 'submitted'
         AND (last_polled_at IS NULL OR last_polled_at < now() - $2::double precision ${MS})
       RETURNING *`,
      [id, pollIntervalMs],
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  /** Stores what a poll learned. */
  async recordPoll(id: string, poll: ProviderBatchPoll): Promise<void> {
    await queryRows(
      this.dataSource.manager,
      `UPDATE provider_batches
         SET provider_status = $2, completed_count = $3, failed_count = $4, output_file_id = $5, error_file_id = $6
       WHERE id = $1 AND status = 'submitted'`,
      [id, poll.providerStatus, poll.completedCount, poll.failedCount, poll.outputFileId, poll.errorFileId],
    );
  }

  /**
   * The file is done (results recorded, or it could not be submitted: `errorMessage`). Only
   * from `submitted`, or from `submitting` by the worker holding it.
   */
  async finish(
    id: string,
    errorMessage: string | null = null,
    owner: string | null = null,
  ): Promise<boolean> {
    const { affected } = await queryRows(
      this.dataSource.manager,
      `UPDATE provider_batches
         SET status = 'finished', finished_at = now(), error_message = $2, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND (status = 'submitted' OR (status = 'submitting' AND lease_owner = $3))`,
      [id, errorMessage, owner],
    );
    return affected > 0;
  }
}
