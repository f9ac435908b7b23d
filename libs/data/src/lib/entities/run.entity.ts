import { type ChatMessage, RUN_STATUSES, type RunParams, type RunStatus } from '@gtr/domain';
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
import { BatchEntity } from './batch.entity';
import { checkInList } from './check-in-list';
import { ScheduleEntity } from './schedule.entity';
import { TaskEntity } from './task.entity';
import { TenantEntity } from './tenant.entity';

/**
 * One execution: the rendered request, its status, result, usage and timings.
 * Token counts and cost add up over all attempts of the run.
 */
@Entity({ name: 'runs' })
@Check('CHK_runs_status', checkInList('status', RUN_STATUSES))
@Check('CHK_runs_cache_ttl_seconds', '"cache_ttl_seconds" > 0')
// The two list indexes are (tenant_id, created_at DESC, id DESC) and
// (tenant_id, status, created_at DESC, id DESC); they live in the migration since entity
// indexes cannot be descending.
@Index('IDX_runs_tenant_created', { synchronize: false })
@Index('IDX_runs_tenant_status_created', { synchronize: false })
@Index('IDX_runs_batch_row', ['batchId', 'batchRow'], { where: '"batch_id" IS NOT NULL' })
@Index('IDX_runs_schedule', ['scheduleId'], { where: '"schedule_id" IS NOT NULL' })
@Index('UQ_runs_tenant_idempotency', ['tenantId', 'idempotencyKey'], {
  unique: true,
  where: '"idempotency_key" IS NOT NULL',
})
// Recovery: partial, so they hold only the few active runs, not the whole history.
@Index('IDX_runs_running_claimed', ['claimedAt'], { where: `"status" = 'running'` })
@Index('IDX_runs_pending_queued', ['queuedAt'], { where: `"status" IN ('queued', 'retrying')` })
export class RunEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_runs' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_runs_tenant' })
  tenant?: TenantEntity;

  @Column('text', { default: 'queued' })
  status!: RunStatus;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => TaskEntity)
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_runs_task' })
  task?: TaskEntity | null;

  @Column('int', { name: 'task_version', nullable: true })
  taskVersion!: number | null;

  @Column('uuid', { name: 'batch_id', nullable: true })
  batchId!: string | null;

  @ManyToOne(() => BatchEntity)
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'FK_runs_batch' })
  batch?: BatchEntity | null;

  /** 1-based row of the batch file this run came from. */
  @Column('int', { name: 'batch_row', nullable: true })
  batchRow!: number | null;

  /** The row's id in the batch's task file (its `id`, or its row number). */
  @Column('text', { name: 'batch_row_id', nullable: true })
  batchRowId!: string | null;

  @Column('uuid', { name: 'schedule_id', nullable: true })
  scheduleId!: string | null;

  @ManyToOne(() => ScheduleEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'FK_runs_schedule' })
  schedule?: ScheduleEntity | null;

  @Column('text')
  provider!: string;

  @Column('text')
  model!: string;

  @Column('jsonb')
  messages!: ChatMessage[];

  @Column('jsonb', { default: {} })
  params!: RunParams;

  @Column('jsonb', { name: 'output_schema', nullable: true })
  outputSchema!: Record<string, unknown> | null;

  /** The variables a task template was rendered with. */
  @Column('jsonb', { nullable: true })
  input!: Record<string, unknown> | null;

  @Column('text', { name: 'output_text', nullable: true })
  outputText!: string | null;

  @Column('jsonb', { name: 'output_json', nullable: true })
  outputJson!: unknown;

  @Column('text', { name: 'finish_reason', nullable: true })
  finishReason!: string | null;

  @Column('int', { name: 'prompt_tokens', nullable: true })
  promptTokens!: number | null;

  @Column('int', { name: 'completion_tokens', nullable: true })
  completionTokens!: number | null;

  @Column('int', { name: 'total_tokens', nullable: true })
  totalTokens!: number | null;

  @Column('int', { name: 'cached_tokens', nullable: true })
  cachedTokens!: number | null;

  @Column('numeric', {
    name: 'cost_usd',
    precision: 14,
    scale: 8,
    nullable: true,
    transformer: numericTransformer,
  })
  costUsd!: number | null;

  /** Answered from the response cache: no provider call, nothing added to the cost. */
  @Column('boolean', { default: false })
  cached!: boolean;

  /** The run's opt-in to the response cache: how long an answer may be reused. Null: no cache. */
  @Column('int', { name: 'cache_ttl_seconds', nullable: true })
  cacheTtlSeconds!: number | null;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage!: string | null;

  /** Claims so far; the current attempt's number while running. */
  @Column('int', { name: 'attempt_count', default: 0 })
  attemptCount!: number;

  @Column('int', { name: 'max_attempts', default: 3 })
  maxAttempts!: number;

  @Column('int', { name: 'timeout_ms' })
  timeoutMs!: number;

  @Column('jsonb', { default: {} })
  metadata!: Record<string, unknown>;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  /** The worker holding the current claim (or the last one). */
  @Column('text', { name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  @Column('timestamptz', { name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the run last became due for a worker: its enqueue time, or the time of its next retry. */
  @Column('timestamptz', { name: 'queued_at', nullable: true })
  queuedAt!: Date | null;

  /** First claim. */
  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;
}
