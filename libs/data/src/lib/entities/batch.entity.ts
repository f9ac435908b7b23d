import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { numericTransformer } from '../transformers/numeric.transformer';
import { checkInList } from './check-in-list';
import { TaskEntity } from './task.entity';
import { TenantEntity } from './tenant.entity';

export const BATCH_STATUSES = [
  'validating',
  'queued',
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** `queue` runs rows through the workers; `provider_batch` uses the provider's Batch API. */
export const BATCH_MODES = ['queue', 'provider_batch'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

/** Many runs of one task from a file or JSON rows, with live counters. */
@Entity({ name: 'batches' })
@Check('CHK_batches_status', checkInList('status', BATCH_STATUSES))
@Check('CHK_batches_mode', checkInList('mode', BATCH_MODES))
@Index('UQ_batches_tenant_idempotency', ['tenantId', 'idempotencyKey'], {
  unique: true,
  where: '"idempotency_key" IS NOT NULL',
})
// (tenant_id, created_at DESC, id DESC): declared in the migration, since entity indexes cannot be descending.
@Index('IDX_batches_tenant_created', { synchronize: false })
export class BatchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_batches' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_batches_tenant' })
  tenant?: TenantEntity;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => TaskEntity)
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_batches_task' })
  task?: TaskEntity | null;

  @Column('int', { name: 'task_version', nullable: true })
  taskVersion!: number | null;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { default: 'validating' })
  status!: BatchStatus;

  @Column('text', { default: 'queue' })
  mode!: BatchMode;

  @Column('int', { default: 0 })
  total!: number;

  @Column('int', { name: 'queued_count', default: 0 })
  queuedCount!: number;

  @Column('int', { name: 'running_count', default: 0 })
  runningCount!: number;

  @Column('int', { name: 'succeeded_count', default: 0 })
  succeededCount!: number;

  @Column('int', { name: 'failed_count', default: 0 })
  failedCount!: number;

  @Column('int', { name: 'cancelled_count', default: 0 })
  cancelledCount!: number;

  @Column('bigint', { name: 'prompt_tokens', default: 0, transformer: numericTransformer })
  promptTokens!: number;

  @Column('bigint', { name: 'completion_tokens', default: 0, transformer: numericTransformer })
  completionTokens!: number;

  @Column('numeric', {
    name: 'cost_usd',
    precision: 14,
    scale: 8,
    default: 0,
    transformer: numericTransformer,
  })
  costUsd!: number;

  /** Most runs of this batch in flight at once; null means the worker's default. */
  @Column('int', { nullable: true })
  concurrency!: number | null;

  @Column('int', { default: 0 })
  priority!: number;

  @Column('jsonb', { default: {} })
  options!: Record<string, unknown>;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
