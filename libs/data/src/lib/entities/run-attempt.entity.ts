import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RunEntity } from './run.entity';

/** One provider call of a run. `number` is the claim it was made under (1-based). */
@Entity({ name: 'run_attempts' })
@Unique('UQ_run_attempts_run_number', ['runId', 'number'])
export class RunAttemptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_run_attempts' })
  id!: string;

  @Column('uuid', { name: 'run_id' })
  runId!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_run_attempts_run' })
  run?: RunEntity;

  @Column('int')
  number!: number;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column('int', { name: 'latency_ms', nullable: true })
  latencyMs!: number | null;

  @Column('int', { name: 'http_status', nullable: true })
  httpStatus!: number | null;

  @Column('text', { name: 'error_code', nullable: true })
  errorCode!: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage!: string | null;

  @Column('int', { name: 'rate_limit_wait_ms', default: 0 })
  rateLimitWaitMs!: number;

  @Column('int', { name: 'prompt_tokens', nullable: true })
  promptTokens!: number | null;

  @Column('int', { name: 'completion_tokens', nullable: true })
  completionTokens!: number | null;

  @Column('int', { name: 'total_tokens', nullable: true })
  totalTokens!: number | null;

  @Column('int', { name: 'cached_tokens', nullable: true })
  cachedTokens!: number | null;

  @Column('text', { name: 'provider_request_id', nullable: true })
  providerRequestId!: string | null;

  @Column('text', { name: 'worker_id', nullable: true })
  workerId!: string | null;
}
