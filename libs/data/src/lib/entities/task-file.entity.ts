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
import { checkInList } from './check-in-list';
import { TenantEntity } from './tenant.entity';
import { numericTransformer } from '../transformers/numeric.transformer';

export const TASK_FILE_FORMATS = ['csv', 'jsonl'] as const;

/**
 * A task file uploaded once and checked whole, that batch schedules run at each fire. Its valid
 * rows are in `task_file_rows`, already normalised, so a fire never parses the upload again.
 */
@Entity({ name: 'task_files' })
@Check('CHK_task_files_format', checkInList('format', TASK_FILE_FORMATS))
// (tenant_id, created_at DESC, id DESC): declared in the migration, since entity indexes cannot be descending.
@Index('IDX_task_files_tenant_created', { synchronize: false })
export class TaskFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_task_files' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_task_files_tenant' })
  tenant?: TenantEntity;

  /** The uploaded file's name. */
  @Column('text')
  name!: string;

  @Column('text')
  format!: (typeof TASK_FILE_FORMATS)[number];

  /** The task whose variables the rows were checked against; null for ad-hoc rows. */
  @Column('text', { name: 'task_name', nullable: true })
  taskName!: string | null;

  @Column('int', { name: 'row_count' })
  rowCount!: number;

  @Column('bigint', { transformer: numericTransformer })
  bytes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
