import { type TaskFileView } from '@gtr/domain';
import { type DataSource } from 'typeorm';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows, type Row } from '../sql/query-rows';
import { TaskFileEntity } from '../entities/task-file.entity';

/** Rows per insert, and the JSON text one insert may carry: bounds memory whatever the file size. */
const INSERT_ROWS = 1000;
const INSERT_CHARS = 8 * 1024 * 1024;
/** Rows per read when a fire reads a file back. */
export const TASK_FILE_READ_PAGE = 1000;

/** What is known of a task file before its rows are read. */
export interface NewTaskFile {
  name: string;
  format: TaskFileView['format'];
  /** The task the rows are checked against; null for ad-hoc rows. */
  taskName: string | null;
  bytes: number;
}

/** Why a task file could not be deleted. */
export type DeleteTaskFileResult = { deleted: true } | { deleted: false; usedBy: string[] } | null;

/**
 * Stored task files and their rows. Every method takes the tenant id, so no query can reach
 * another tenant's files.
 */
export class TaskFilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a task file and its rows (JSON objects, in order) in one transaction, inserting as it
   * iterates `rows` so that only one chunk is held at a time. When `rows` throws (an invalid row
   * found at the end of the file) the transaction rolls back and nothing is stored.
   */
  async store(tenantId: string, file: NewTaskFile, rows: AsyncIterable<object>): Promise<TaskFileView> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await queryRows(
        manager,
        `INSERT INTO task_files (tenant_id, name, format, task_name, row_count, bytes)
         VALUES ($1, $2, $3, $4, 0, $5) RETURNING id`,
        [tenantId, file.name, file.format, file.taskName, file.bytes],
      );
      const id = inserted.rows[0]?.['id'] as string;
      let count = 0;
      let chunk: string[] = [];
      let chars = 0;
      const flush = async () => {
        if (chunk.length === 0) return;
        await queryRows(
          manager,
          `INSERT INTO task_file_rows (task_file_id, position, row)
           SELECT $1, $2::int + t.ord::int, t.value FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(value, ord)`,
          [id, count - chunk.length, `[${chunk.join(',')}]`],
        );
        chunk = [];
        chars = 0;
      };
      for await (const row of rows) {
        const json = JSON.stringify(row);
        chunk.push(json);
        chars += json.length;
        count++;
        if (chunk.length >= INSERT_ROWS || chars >= INSERT_CHARS) await flush();
      }
      await flush();
      const { rows: stored } = await queryRows(
        manager,
        'UPDATE task_files SET row_count = $2 WHERE id = $1 RETURNING *',
        [id, count],
      );
      return this.view(stored[0]);
    });
  }

  /** The task file, or null when the tenant has none with this id. */
  async find(tenantId: string, id: string): Promise<TaskFileView | null> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM task_files WHERE id = $1 AND tenant_id = $2',
      [id, tenantId],
    );
    return rows[0] ? this.view(rows[0]) : null;
  }

  /** The tenant's newest task files, at most `limit` (`IDX_task_files_tenant_created`). */
  async list(tenantId: string, limit: number): Promise<TaskFileView[]> {
    if (!isUuid(tenantId)) return [];
    const { rows } = await queryRows(
      this.dataSource.manager,
      'SELECT * FROM task_files WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
      [tenantId, limit],
    );
    return rows.map((row) => this.view(row));
  }

  /**
   * The file's rows in order, read a page at a time (keyset on the primary key). Yields nothing
   * for a file the tenant does not have.
   */
  async *rows(tenantId: string, id: string, pageSize = TASK_FILE_READ_PAGE): AsyncGenerator<Row> {
    if (!(await this.find(tenantId, id))) return;
    let after = 0;
    for (;;) {
      const { rows } = await queryRows(
        this.dataSource.manager,
        `SELECT position, row FROM task_file_rows WHERE task_file_id = $1 AND position > $2
          ORDER BY position LIMIT $3`,
        [id, after, pageSize],
      );
      for (const row of rows) yield row['row'] as Row;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]['position'] as number;
    }
  }

  /**
   * Deletes the task file and its rows, unless a schedule of the tenant runs it: then nothing
   * is deleted and the schedules are named. Null when the tenant has no such file. (A schedule
   * saved at the very same moment can still end up naming a deleted file; its fires then fail
   * naming `target.taskFile`.)
   */
  async delete(tenantId: string, id: string): Promise<DeleteTaskFileResult> {
    if (!isUuid(tenantId) || !isUuid(id)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `WITH users AS (
              SELECT name FROM schedules
               WHERE tenant_id = $2 AND target->>'type' = 'batch' AND target->>'taskFile' = $3),
            gone AS (
              DELETE FROM task_files WHERE id = $1 AND tenant_id = $2 AND NOT EXISTS (SELECT 1 FROM users)
              RETURNING id)
       SELECT (SELECT count(*) FROM gone)::int AS deleted,
              (SELECT count(*) FROM task_files WHERE id = $1 AND tenant_id = $2)::int AS found,
              ARRAY(SELECT name FROM users ORDER BY name) AS used_by`,
      [id, tenantId, id],
    );
    const row = rows[0] as { deleted: number; found: number; used_by: string[] };
    if (row.deleted > 0) return { deleted: true };
    if (row.found === 0) return null;
    return { deleted: false, usedBy: row.used_by };
  }

  private view(row: Row | undefined): TaskFileView {
    if (!row) throw new Error('Task file row missing');
    const file = hydrateEntity(this.dataSource, TaskFileEntity, row);
    return {
      id: file.id,
      name: file.name,
      format: file.format,
      task: file.taskName,
      rows: file.rowCount,
      bytes: file.bytes,
      createdAt: file.createdAt.toISOString(),
    };
  }
}
