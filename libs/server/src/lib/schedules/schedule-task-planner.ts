import { type TaskRunPlan, type ScheduleTaskTarget } from '@gtr/domain';

/** Turns a schedule's task target into the run it starts at a fire: the task rendered with the input. */
export interface ScheduleTaskPlanner {
  /**
   * @throws GtrError `E_NOT_FOUND` when the task (or its pinned version) does not exist, `E_INPUT`
   * when the input lacks a variable the template uses; the fire is then recorded as failed.
   */
  plan(tenantId: string, target: ScheduleTaskTarget): Promise<TaskRunPlan>;
}
