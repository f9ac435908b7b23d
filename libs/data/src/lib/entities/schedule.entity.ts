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
  UpdateDateColumn,
} from 'typeorm';
import { checkInList } from './check-in-list';
import { TenantEntity } from './tenant.entity';

/** What a schedule does when its previous run is still going at fire time. */
export const OVERLAP_POLICIES = ['skip', 'allow', 'cancel_previous'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** What a schedule does about fire times it missed while nothing was running. */
export const MISSED_POLICIES = ['skip', 'run_once'] as const;
export type MissedPolicy = (typeof MISSED_POLICIES)[number];

/** A cron expression (in an IANA timezone) or a fixed interval that starts runs. */
@Entity({ name: 'schedules' })
@Unique('UQ_schedules_tenant_name', ['tenantId', 'name'])
@Check('CHK_schedules_trigger', '("cron" IS NULL) <> ("interval_ms" IS NULL)')
@Check('CHK_schedules_overlap_policy', checkInList('overlap_policy', OVERLAP_POLICIES))
@Check('CHK_schedules_missed_policy', checkInList('missed_policy', MISSED_POLICIES))
@Index('IDX_schedules_due', ['enabled', 'nextFireAt'])
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_schedules' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_schedules_tenant' })
  tenant?: TenantEntity;

  @Column('text')
  name!: string;

  /** Exactly one of `cron` and `intervalMs` is set. */
  @Column('text', { nullable: true })
  cron!: string | null;

  @Column('int', { name: 'interval_ms', nullable: true })
  intervalMs!: number | null;

  @Column('text', { default: 'UTC' })
  timezone!: string;

  /** What to start: a task with input, or a workflow. */
  @Column('jsonb')
  target!: Record<string, unknown>;

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('text', { name: 'overlap_policy', default: 'skip' })
  overlapPolicy!: OverlapPolicy;

  @Column('text', { name: 'missed_policy', default: 'skip' })
  missedPolicy!: MissedPolicy;

  @Column('timestamptz', { name: 'last_fire_at', nullable: true })
  lastFireAt!: Date | null;

  @Column('timestamptz', { name: 'next_fire_at', nullable: true })
  nextFireAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
