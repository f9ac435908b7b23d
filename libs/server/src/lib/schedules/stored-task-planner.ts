import { type DataSource } from 'typeorm';
import { TasksRepository } from '@gtr/data';
import { GtrError, planTaskRun } from '@gtr/domain';
import { type ScheduleTaskPlanner } from './schedule-task-planner';

/** Plans task targets from the tasks stored in Postgres: the latest (or pinned) version, rendered. */
export function storedTaskPlanner(dataSource: DataSource): ScheduleTaskPlanner {
  const tasks = new TasksRepository(dataSource);
  return {
    async plan(tenantId, target) {
      const task = await tasks.find(tenantId, target.task, target.version);
      if (!task) {
        throw new GtrError(
          'E_NOT_FOUND',
          target.version === undefined
            ? `No task named "${target.task}".`
            : `Task "${target.task}" has no version ${target.version}.`,
        );
      }
      return planTaskRun(task, { input: target.input });
    },
  };
}
