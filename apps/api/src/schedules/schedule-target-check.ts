import { Inject, Injectable } from '@nestjs/common';
import { TaskFilesRepository, TasksRepository } from '@gtr/data';
import {
  type FieldIssue,
  GtrError,
  type ScheduleBatchTarget,
  type ScheduleTarget,
  planTaskRun,
} from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';

/**
 * Checks that a schedule's target can start a run now, so a mistake is reported when the
 * schedule is saved rather than at its first fire: the provider is known, the task (and pinned
 * version) exists and the input fills its template; a batch target's task file exists and was
 * checked against the task the schedule runs.
 */
@Injectable()
export class ScheduleTargetCheck {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly tasks: TasksRepository,
    private readonly files: TaskFilesRepository,
  ) {}

  /** @throws GtrError `E_VALIDATION` (or `E_INPUT` for missing variables) naming the `target.…` field. */
  async assertStartable(tenantId: string, target: ScheduleTarget): Promise<void> {
    if (target.type === 'batch') return this.assertBatchStartable(tenantId, target);
    if (target.type === 'prompt') {
      this.assertProvider(target.provider, 'target.provider');
      return;
    }
    if (target.type !== 'task') return;
    const task = await this.findTask(tenantId, target.task, target.version);
    try {
      planTaskRun(task, { input: target.input });
    } catch (error) {
      if (!(error instanceof GtrError)) throw error;
      const issues = error.issues.map((issue): FieldIssue => ({ ...issue, field: `target.${issue.field}` }));
      throw new GtrError(error.code, error.message, issues);
    }
    this.assertProvider(task.provider ?? undefined, 'target.task');
  }

  private async assertBatchStartable(tenantId: string, target: ScheduleBatchTarget): Promise<void> {
    const file = await this.files.find(tenantId, target.taskFile);
    if (!file) {
      throw invalid(
        'target.taskFile',
        `no task file with id ${target.taskFile}; upload one with POST /v1/task-files (gtr schedule add -i FILE)`,
      );
    }
    const checkedAgainst = file.task ? `task "${file.task}"` : 'no task (ad-hoc rows)';
    if (target.task !== undefined && target.task !== file.task) {
      throw invalid(
        'target.task',
        `differs from the task file, which was checked against ${checkedAgainst}; upload the file again with this task`,
      );
    }
    const name = target.task ?? file.task;
    if (!name) {
      this.assertProvider(undefined, 'target');
      return;
    }
    const task = await this.findTask(tenantId, name, target.version);
    this.assertProvider(task.provider ?? undefined, 'target.task');
  }

  private async findTask(tenantId: string, name: string, version: number | undefined) {
    const task = await this.tasks.find(tenantId, name, version);
    if (task) return task;
    const exists = version !== undefined && (await this.tasks.find(tenantId, name)) !== null;
    throw invalid(
      exists ? 'target.version' : 'target.task',
      exists ? `task "${name}" has no version ${version}` : `no task named "${name}"`,
    );
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
