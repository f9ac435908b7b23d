import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TaskFileEntity } from './task-file.entity';

/** One valid row of a stored task file, normalised (`TaskFileRow` of `@gtr/task-files`), in file order. */
@Entity({ name: 'task_file_rows' })
export class TaskFileRowEntity {
  @PrimaryColumn('uuid', { name: 'task_file_id', primaryKeyConstraintName: 'PK_task_file_rows' })
  taskFileId!: string;

  /** 1-based position among the stored (valid) rows: the order a fire's batch runs them in. */
  @PrimaryColumn('int', { primaryKeyConstraintName: 'PK_task_file_rows' })
  position!: number;

  @ManyToOne(() => TaskFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_file_id', foreignKeyConstraintName: 'FK_task_file_rows_task_file' })
  taskFile?: TaskFileEntity;

  @Column('jsonb')
  row!: Record<string, unknown>;
}
