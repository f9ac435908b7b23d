import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { BatchEntity } from './batch.entity';
import { checkInList } from './check-in-list';
import { TenantEntity } from './tenant.entity';

/**
 * Where a chunk stands: `planned` (runs chosen), `submitting` (a worker holds the lease and is
 * uploading), `submitted` (the provider has it; polled), `finished` (results recorded).
 */
export const PROVIDER_BATCH_STATUSES = ['planned', 'submitting', 'submitted', 'finished'] as const;
export type ProviderBatchStatus = (typeof PROVIDER_BATCH_STATUSES)[number];

/**
 * One file of a `provider_batch` batch sent to the provider's Batch API: its runs, the
 * provider's ids and status. Everything a worker needs to resume polling after a restart.
 */
@Entity({ name: 'provider_batches' })
@Unique('UQ_provider_batches_batch_chunk', ['batchId', 'chunkIndex'])
@Index('IDX_provider_batches_open', ['lastPolledAt'], { where: `"status" <> 'finished'` })
@Check('CHK_provider_batches_status', checkInList('status', PROVIDER_BATCH_STATUSES))
export class ProviderBatchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_provider_batches' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_provider_batches_tenant' })
  tenant?: TenantEntity;

  @Column('uuid', { name: 'batch_id' })
  batchId!: string;

  @ManyToOne(() => BatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'FK_provider_batches_batch' })
  batch?: BatchEntity;

  /** 0-based position of this file among the batch's files. */
  @Column('int', { name: 'chunk_index' })
  chunkIndex!: number;

  @Column('text')
  provider!: string;

  /** The provider's Batch API takes one model per file. */
  @Column('text')
  model!: string;

  /** The runs of this file; each line's `custom_id` is a run id. */
  @Column('uuid', { name: 'run_ids', array: true })
  runIds!: string[];

  @Column('text', { default: 'planned' })
  status!: ProviderBatchStatus;

  @Column('text', { name: 'input_file_id', nullable: true })
  inputFileId!: string | null;

  @Column('text', { name: 'provider_batch_id', nullable: true })
  providerBatchId!: string | null;

  /** The provider's status of the batch (`validating`, `in_progress`, `completed`, …) when last polled. */
  @Column('text', { name: 'provider_status', nullable: true })
  providerStatus!: string | null;

  @Column('text', { name: 'output_file_id', nullable: true })
  outputFileId!: string | null;

  @Column('text', { name: 'error_file_id', nullable: true })
  errorFileId!: string | null;

  @Column('int', { name: 'completed_count', default: 0 })
  completedCount!: number;

  @Column('int', { name: 'failed_count', default: 0 })
  failedCount!: number;

  /** The worker submitting it, and until when its claim holds. */
  @Column('text', { name: 'lease_owner', nullable: true })
  leaseOwner!: string | null;

  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @Column('timestamptz', { name: 'last_polled_at', nullable: true })
  lastPolledAt!: Date | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  /** Why the file could not be submitted or the provider batch did not complete. */
  @Column('text', { name: 'error_message', nullable: true })
  errorMessage!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
