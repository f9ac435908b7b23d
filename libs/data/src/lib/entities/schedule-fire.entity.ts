import { SCHEDULE_FIRE_STATUSES, type ScheduleFireStatus } from '@gtr/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BatchEntity } from './batch.entity';
import { checkInList } from './check-in-list';
import { RunEntity } from './run.entity';
import { ScheduleEntity } from './schedule.entity';
import { TenantEntity } from './tenant.entity';

/**
 * One handled fire time of a schedule: the run it created, or why it was skipped or failed.
 * `(schedule_id, due_at)` is unique, so a fire time is handled at most once however many
 * schedulers run; its index also serves the history (newest first). The partial index on fires
 * that created a run serves the overlap check (the schedule's latest runs) without walking the
 * skipped fires in between.
 */
@Entity({ name: 'schedule_fires' })
@Unique('UQ_schedule_fires_schedule_due', ['scheduleId', 'dueAt'])
@Index('IDX_schedule_fires_schedule_run', ['scheduleId', 'dueAt'], { where: '"run_id" IS NOT NULL' })
@Index('IDX_schedule_fires_schedule_batch', ['scheduleId', 'dueAt'], { where: '"batch_id" IS NOT NULL' })
@Index('IDX_schedule_fires_due', ['dueAt'])
@Check('CHK_schedule_fires_status', checkInList('status', SCHEDULE_FIRE_STATUSES))
export class ScheduleFireEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_schedule_fires' })
  id!: string;

  @Column('uuid', { name: 'schedule_id' })
  scheduleId!: string;

  @ManyToOne(() => ScheduleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'FK_schedule_fires_schedule' })
  schedule?: ScheduleEntity;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_schedule_fires_tenant' })
  tenant?: TenantEntity;

  /** The fire time. */
  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  /** When a scheduler handled it. */
  @Column('timestamptz', { name: 'fired_at', default: () => 'now()' })
  firedAt!: Date;

  @Column('uuid', { name: 'run_id', nullable: true })
  runId!: string | null;

  @ManyToOne(() => RunEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_schedule_fires_run' })
  run?: RunEntity | null;

  /** The batch it created (a batch target). */
  @Column('uuid', { name: 'batch_id', nullable: true })
  batchId!: string | null;

  @ManyToOne(() => BatchEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'FK_schedule_fires_batch' })
  batch?: BatchEntity | null;

  @Column('text')
  status!: ScheduleFireStatus;

  @Column('text', { nullable: true })
  reason!: string | null;
}
