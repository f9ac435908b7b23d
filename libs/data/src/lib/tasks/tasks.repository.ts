import { GtrError, type Page, TASK_NAME_PATTERN, type TaskDefinition, type TaskView } from '@gtr/domain';
import { type DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../sql/is-uuid';
import { queryRows } from '../sql/query-rows';
import { toJsonParam } from '../sql/to-json-param';
import { type ListTaskVersionsOptions, type ListTasksOptions, MAX_TASKS_PAGE } from './list-tasks-options';
import { taskCursor } from './task-cursor';
import { TASK_VIEW_COLUMNS, toTaskView } from './task-view.query';

/** Times an update re-reads the task after another update got in first. */
export const MAX_TASK_UPDATE_ATTEMPTS = 5;

/** Another update bumped `latest_version` between our read and our write. */
class LostUpdateRace extends Error {}

/**
 * Tasks and their immutable versions. Every method takes the tenant id, so no query can reach
 * another tenant's tasks. Deleted tasks are invisible, and their name is free for a new task.
 */
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates a task with `definition` as its version 1.
   * @throws GtrError `E_CONFLICT` when the tenant already has a task (not deleted) of this name.
   */
  async create(tenantId: string, name: string, definition: TaskDefinition): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const { rows } = await queryRows(
        manager,
        `INSERT INTO tasks (tenant_id, name, description, tags, latest_version)
         VALUES ($1, $2, $3, $4::text[], 1)
         ON CONFLICT (tenant_id, name) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [tenantId, name, definition.description, definition.tags],
      );
      if (!rows[0]) {
        throw new GtrError('E_CONFLICT', `A task named "${name}" already exists.`, [
          { field: 'name', message: 'is already the name of a task' },
        ]);
      }
      await this.insertVersion(manager, rows[0]['id'] as string, 1, definition);
      return this.mustFind(manager, tenantId, name, 1);
    });
  }

  /** The latest version of the task, or version `version`; null when there is no such task or version. */
  async find(tenantId: string, name: string, version?: number): Promise<TaskView | null> {
    return this.findWith(this.dataSource.manager, tenantId, name, version);
  }

  /**
   * Adds the next version: `change` gets the latest version and returns the new definition (it may
   * be called again, with a newer version, when another update got in first). In one
   * transaction, `latest_version` moves on with an update guarded on the value read, so two
   * concurrent updates cannot both write version N+1: the later one re-reads and applies its
   * change on top of the other's version. Returns null when there is no such task.
   * @throws GtrError `E_CONFLICT` when other updates kept winning `MAX_TASK_UPDATE_ATTEMPTS` times;
   * whatever `change` throws, with nothing written.
   */
  async update(
    tenantId: string,
    name: string,
    change: (current: TaskView) => TaskDefinition | Promise<TaskDefinition>,
  ): Promise<TaskView | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) =>
          this.updateOnce(manager, tenantId, name, change),
        );
      } catch (error) {
        if (!(error instanceof LostUpdateRace)) throw error;
        if (attempt >= MAX_TASK_UPDATE_ATTEMPTS) {
          throw new GtrError('E_CONFLICT', `Task "${name}" is being changed by other requests; try again.`);
        }
      }
    }
  }

  /** Soft-deletes the task: it disappears and its name can be used again. False when there is no such task. */
  async delete(tenantId: string, name: string): Promise<boolean> {
    if (!isUuid(tenantId) || !TASK_NAME_PATTERN.test(name)) return false;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `UPDATE tasks SET deleted_at = now(), updated_at = now()
       WHERE tenant_id = $1 AND name = $2 AND deleted_at IS NULL
       RETURNING id`,
      [tenantId, name],
    );
    return rows.length > 0;
  }

  /**
   * The latest version of each task, by name, optionally only tasks with every tag of `tags`.
   * Keyset-paged on the name, which `UQ_tasks_tenant_name` serves in order.
   * @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor this list did not give out.
   */
  async list(tenantId: string, options: ListTasksOptions): Promise<Page<TaskView>> {
    const after = options.cursor === undefined ? null : taskCursor.decodeName(options.cursor);
    if (!isUuid(tenantId)) return { data: [], nextCursor: null };
    const limit = pageSize(options.limit);
    const params: unknown[] = [tenantId];
    const where = ['t.tenant_id = $1', 't.deleted_at IS NULL'];
    if (options.tags?.length) {
      params.push([...options.tags]);
      where.push(`t.tags @> $${params.length}::text[]`);
    }
    if (after !== null) {
      params.push(after);
      where.push(`t.name > $${params.length}`);
    }
    params.push(limit + 1);
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT ${TASK_VIEW_COLUMNS}
       FROM tasks t JOIN task_versions v ON v.task_id = t.id AND v.version = t.latest_version
       WHERE ${where.join(' AND ')}
       ORDER BY t.name
       LIMIT $${params.length}`,
      params,
    );
    const data = rows.slice(0, limit).map(toTaskView);
    const last = data[data.length - 1];
    return { data, nextCursor: rows.length > limit && last ? taskCursor.encodeName(last.name) : null };
  }

  /**
   * Every version of the task, newest first; null when there is no such task.
   * @throws GtrError `E_VALIDATION` (field `cursor`) for a cursor this list did not give out.
   */
  async listVersions(
    tenantId: string,
    name: string,
    options: ListTaskVersionsOptions,
  ): Promise<Page<TaskView> | null> {
    const before = options.cursor === undefined ? null : taskCursor.decodeVersion(options.cursor);
    if (!isUuid(tenantId) || !TASK_NAME_PATTERN.test(name)) return null;
    const limit = pageSize(options.limit);
    const params: unknown[] = [tenantId, name];
    let where = 't.tenant_id = $1 AND t.name = $2 AND t.deleted_at IS NULL';
    if (before !== null) {
      params.push(before);
      where += ` AND v.version < $${params.length}`;
    }
    params.push(limit + 1);
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT ${TASK_VIEW_COLUMNS}
       FROM tasks t JOIN task_versions v ON v.task_id = t.id
       WHERE ${where}
       ORDER BY v.version DESC
       LIMIT $${params.length}`,
      params,
    );
    if (rows.length === 0 && !(await this.find(tenantId, name))) return null;
    const data = rows.slice(0, limit).map(toTaskView);
    const last = data[data.length - 1];
    return { data, nextCursor: rows.length > limit && last ? taskCursor.encodeVersion(last.version) : null };
  }

  private async updateOnce(
    manager: EntityManager,
    tenantId: string,
    name: string,
    change: (current: TaskView) => TaskDefinition | Promise<TaskDefinition>,
  ): Promise<TaskView | null> {
    const current = await this.findWith(manager, tenantId, name);
    if (!current) return null;
    const next = await change(current);
    const version = current.latestVersion + 1;
    const { rows } = await queryRows(
      manager,
      `UPDATE tasks SET latest_version = $3, description = $4, tags = $5::text[], updated_at = now()
       WHERE id = $1 AND latest_version = $2 AND deleted_at IS NULL
       RETURNING id`,
      [current.id, current.latestVersion, version, next.description, next.tags],
    );
    if (rows.length === 0) throw new LostUpdateRace();
    await this.insertVersion(manager, current.id, version, next);
    return this.mustFind(manager, tenantId, name, version);
  }

  private async insertVersion(
    manager: EntityManager,
    taskId: string,
    version: number,
    definition: TaskDefinition,
  ): Promise<void> {
    await queryRows(
      manager,
      `INSERT INTO task_versions
         (task_id, version, description, tags, provider, model, messages, params, output_schema, retry_policy, timeout_ms)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11)`,
      [
        taskId,
        version,
        definition.description,
        definition.tags,
        definition.provider,
        definition.model,
        toJsonParam(definition.messages),
        toJsonParam(definition.params),
        toJsonParam(definition.outputSchema),
        toJsonParam(definition.retryPolicy),
        definition.timeoutMs,
      ],
    );
  }

  private async findWith(
    manager: EntityManager,
    tenantId: string,
    name: string,
    version?: number,
  ): Promise<TaskView | null> {
    if (!isUuid(tenantId) || !TASK_NAME_PATTERN.test(name)) return null;
    const { rows } = await queryRows(
      manager,
      `SELECT ${TASK_VIEW_COLUMNS}
       FROM tasks t JOIN task_versions v ON v.task_id = t.id AND v.version = COALESCE($3::int, t.latest_version)
       WHERE t.tenant_id = $1 AND t.name = $2 AND t.deleted_at IS NULL`,
      [tenantId, name, version ?? null],
    );
    return rows[0] ? toTaskView(rows[0]) : null;
  }

  private async mustFind(
    manager: EntityManager,
    tenantId: string,
    name: string,
    version: number,
  ): Promise<TaskView> {
    const view = await this.findWith(manager, tenantId, name, version);
    if (!view) throw new Error(`Task "${name}" version ${version} was written but cannot be read back`);
    return view;
  }
}

function pageSize(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_TASKS_PAGE);
}
