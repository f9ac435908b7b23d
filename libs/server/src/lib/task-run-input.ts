import { type AppConfig } from '@gtr/config';
import { type CreateRunInput } from '@gtr/data';
import { type TaskRunPlan } from '@gtr/domain';

/** What a run from a task takes from its plan; the api, batches and schedules all build it so. */
export type TaskRunInput = Pick<
  CreateRunInput,
  | 'provider'
  | 'model'
  | 'messages'
  | 'params'
  | 'outputSchema'
  | 'input'
  | 'taskId'
  | 'taskVersion'
  | 'maxAttempts'
  | 'timeoutMs'
>;

/**
 * The run fields of a rendered task plan on `provider`. What the task leaves unset comes from
 * the provider's default model and the configured attempts and timeout.
 */
export function taskRunInput(
  plan: TaskRunPlan,
  provider: string,
  defaultModel: string,
  config: Pick<AppConfig, 'GTR_MAX_ATTEMPTS' | 'GTR_RUN_TIMEOUT_MS'>,
): TaskRunInput {
  return {
    provider,
    model: plan.model ?? defaultModel,
    messages: plan.messages,
    params: plan.params,
    outputSchema: plan.outputSchema,
    input: plan.input,
    taskId: plan.taskId,
    taskVersion: plan.taskVersion,
    maxAttempts: plan.maxAttempts ?? config.GTR_MAX_ATTEMPTS,
    timeoutMs: plan.timeoutMs ?? config.GTR_RUN_TIMEOUT_MS,
  };
}
