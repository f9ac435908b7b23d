import { type ChatMessage, type RunParams } from '@gtr/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { TaskEntity } from './task.entity';

/** One immutable version of a task's definition. Runs record the version they used. */
@Entity({ name: 'task_versions' })
@Unique('UQ_task_versions_task_version', ['taskId', 'version'])
export class TaskVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_versions' })
  id!: string;

  @Column('uuid', { name: 'task_id' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_versions_task' })
  task?: TaskEntity;

  @Column('int')
  version!: number;

  /** Null: the API's default provider when a run is created. */
  @Column('text', { nullable: true })
  provider!: string | null;

  /** Null: the provider's default model when a run is created. */
  @Column('text', { nullable: true })
  model!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { array: true, default: [] })
  tags!: string[];

  /** The messages template, with `{{variables}}`. */
  @Column('jsonb')
  messages!: ChatMessage[];

  @Column('jsonb', { default: {} })
  params!: RunParams;

  @Column('jsonb', { name: 'output_schema', nullable: true })
  outputSchema!: Record<string, unknown> | null;

  @Column('jsonb', { name: 'retry_policy', default: {} })
  retryPolicy!: Record<string, unknown>;

  /** Null: `GTR_RUN_TIMEOUT_MS` when a run is created. */
  @Column('int', { name: 'timeout_ms', nullable: true })
  timeoutMs!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
