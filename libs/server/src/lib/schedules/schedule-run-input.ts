import { taskRunInput } from '../task-run-input';
import { type AppConfig } from '@gtr/config';
import { type CreateRunInput, type DueSchedule } from '@gtr/data';
import { GtrError, messagesOf } from '@gtr/domain';
import { type ProviderRegistry } from '@gtr/engine';
import { type ScheduleTaskPlanner } from './schedule-task-planner';

/** What building a schedule's run needs. */
export interface ScheduleRunInputDeps {
  providers: ProviderRegistry;
  config: Pick<AppConfig, 'GTR_MAX_ATTEMPTS' | 'GTR_RUN_TIMEOUT_MS'>;
  tasks: ScheduleTaskPlanner;
}

/**
 * The run a schedule starts for the fire time `dueAt`, with the same defaults as `POST /v1/runs`
 * (default provider and its default model, `GTR_RUN_TIMEOUT_MS`, `GTR_MAX_ATTEMPTS`). Its
 * metadata carries `schedule: { id, name, dueAt }`, so the run shows where it came from.
 * @throws GtrError when the target cannot start a run now (unknown provider or task, missing
 * input, a batch target); the fire is then recorded as failed with the message.
 */
export async function scheduleRunInput(
  schedule: DueSchedule,
  dueAt: Date,
  deps: ScheduleRunInputDeps,
): Promise<CreateRunInput> {
  const origin = { schedule: { id: schedule.id, name: schedule.name, dueAt: dueAt.toISOString() } };
  const target = schedule.target;
  switch (target.type) {
    case 'prompt': {
      const provider = knownProvider(deps.providers, target.provider);
      return {
        provider,
        model: target.model ?? deps.providers.describeOne(provider).defaultModel,
        messages: messagesOf({ prompt: target.prompt, system: target.system, messages: target.messages }),
        params: target.params ?? {},
        metadata: { ...target.metadata, ...origin },
        maxAttempts: deps.config.GTR_MAX_ATTEMPTS,
        timeoutMs: deps.config.GTR_RUN_TIMEOUT_MS,
      };
    }
    case 'task': {
      const plan = await deps.tasks.plan(schedule.tenantId, target);
      const provider = knownProvider(deps.providers, plan.provider ?? undefined);
      return {
        ...taskRunInput(plan, provider, deps.providers.describeOne(provider).defaultModel, deps.config),
        metadata: origin,
      };
    }
    case 'batch':
      // A batch target starts a batch (`ScheduleBatchStarter`), never a single run.
      throw new GtrError('E_VALIDATION', 'Cannot start this schedule as a run: its target is a batch.');
  }
  // A row written outside the API (or by a newer version) may hold a type this version does not know.
  throw new GtrError(
    'E_VALIDATION',
    `Cannot start this schedule: unknown target type ${JSON.stringify((target as { type?: unknown }).type ?? null)}.`,
  );
}

function knownProvider(providers: ProviderRegistry, name: string | undefined): string {
  const provider = name ?? providers.defaultProvider;
  if (!providers.has(provider)) {
    throw new GtrError(
      'E_VALIDATION',
      `Unknown provider "${provider}"; this process knows ${providers.names().join(', ')}.`,
    );
  }
  return provider;
}
