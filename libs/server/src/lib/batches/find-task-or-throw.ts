import { type TasksRepository } from '@gtr/data';
import { GtrError, type TaskView } from '@gtr/domain';

/**
 * The task's latest version, or version `version`.
 * @throws GtrError `E_NOT_FOUND` naming the task, or the version (field `version`) when the task
 * exists but not that version.
 */
export async function findTaskOrThrow(
  tasks: TasksRepository,
  tenantId: string,
  name: string,
  version?: number,
): Promise<TaskView> {
  const task = await tasks.find(tenantId, name, version);
  if (task) return task;
  const latest = version === undefined ? null : await tasks.find(tenantId, name);
  if (!latest) throw new GtrError('E_NOT_FOUND', `Task "${name}" not found.`);
  const message = `does not exist; the latest version is ${latest.latestVersion}`;
  throw new GtrError('E_NOT_FOUND', `Task "${name}" has no version ${version}.`, [
    { field: 'version', message },
  ]);
}
