import { Inject, Injectable } from '@nestjs/common';
import { TasksRepository } from '@gtr/data';
import {
  type FieldIssue,
  GtrError,
  type ScheduleTarget,
  assertSupportedTarget,
  planTaskRun,
} from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';

/**
 * Checks that a schedule's target can start a run now, so a mistake is reported when the
 * schedule is saved rather than at its first fire: the target type is supported, the provider
 * is known, the task (and pinned version) exists and the input fills its template.
 */
@Injectable()
export class ScheduleTargetCheck {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly tasks: TasksRepository,
  ) {}

  /** @throws GtrError `E_VALIDATION` (or `E_INPUT` for missing variables) naming the `target.…` field. */
  async assertStartable(tenantId: string, target: ScheduleTarget): Promise<void> {
    assertSupportedTarget(target);
    if (target.type === 'prompt') {
      this.assertProvider(target.provider, 'target.provider');
      return;
    }
    if (target.type !== 'task') return;
    const task = await this.tasks.find(tenantId, target.task, target.version);
    if (!task) {
      const exists = target.version !== undefined && (await this.tasks.find(tenantId, target.task)) !== null;
      throw invalid(
        exists ? 'target.version' : 'target.task',
        exists ? `task "${target.task}" has no version ${target.version}` : `no task named "${target.task}"`,
      );
    }
    try {
      planTaskRun(task, { input: target.input });
    } catch (error) {
      if (!(error instanceof GtrError)) throw error;
      const issues = error.issues.map((issue): FieldIssue => ({ ...issue, field: `target.${issue.field}` }));
      throw new GtrError(error.code, error.message, issues);
    }
    this.assertProvider(task.provider ?? undefined, 'target.task');
  }

  private assertProvider(name: string | undefined, field: string): void {
    const { providers } = this.runtime;
    const provider = name ?? providers.defaultProvider;
    if (!providers.has(provider))
      throw invalid(field, `uses provider "${provider}"; known: ${providers.names().join(', ')}`);
  }
}

function invalid(field: string, message: string): GtrError {
  return new GtrError('E_VALIDATION', `Invalid request: ${field} ${message}`, [{ field, message }]);
}
