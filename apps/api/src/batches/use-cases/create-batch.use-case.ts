import { Inject, Injectable } from '@nestjs/common';
import { BatchesRepository, type CreateRunInput, TasksRepository } from '@gtr/data';
import {
  type BatchSubmission,
  type CreateBatchResult,
  type FieldIssue,
  GtrError,
  type TaskView,
  planTaskRun,
} from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { RUNTIME, type Runtime, runJobId, taskRunInput } from '@gtr/server';
import {
  type TaskFileFormat,
  type TaskFileMode,
  type TaskFileRow,
  type TaskFileSource,
  readTaskFile,
} from '@gtr/task-files';
import { resolveProvider } from '../../common/resolve-provider';
import { TruncatedIssuesError } from '../../common/truncated-issues.error';
import { findTaskOrThrow } from '../../tasks/find-task-or-throw';
import { batchJobPriority } from '../batch-job-priority';
import { RowIssues } from '../row-issues';

export interface CreateBatchCommand {
  tenantId: string;
  submission: BatchSubmission;
  /** The rows as a task file: a path on disk (an upload) or chunks of JSONL text. */
  source: TaskFileSource;
  /** For the format: the upload's file name. */
  fileName?: string;
  format?: TaskFileFormat;
  /** `Idempotency-Key` header. */
  idempotencyKey?: string;
}

type BatchRunInput = Omit<CreateRunInput, 'batchId' | 'batchRow' | 'status'>;

/**
 * Validates every row of a submission first (nothing is stored while any row is invalid, unless
 * `skipInvalid`), renders task rows with the task's template, stores the batch and all its runs
 * in one transaction and enqueues them. A repeated `Idempotency-Key` returns the first batch.
 */
@Injectable()
export class CreateBatchUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly batches: BatchesRepository,
    private readonly tasks: TasksRepository,
  ) {}

  async execute(command: CreateBatchCommand): Promise<{ result: CreateBatchResult; created: boolean }> {
    const { tenantId, submission, idempotencyKey } = command;
    if (idempotencyKey) {
      const existing = await this.batches.findByIdempotencyKey(tenantId, idempotencyKey);
      if (existing) return { result: replayed(existing), created: false };
    }
    const task = submission.task
      ? await findTaskOrThrow(this.tasks, tenantId, submission.task, submission.version)
      : null;
    const { inputs, invalid, total } = await this.readRows(command, task);
    const skipInvalid = submission.options?.skipInvalid ?? false;
    if ((invalid.rows > 0 && !skipInvalid) || inputs.length === 0) {
      const first = invalid.issues[0];
      const detail = first ? `: row ${first.row}, ${first.field} ${first.message}` : '';
      throw new TruncatedIssuesError(
        'E_VALIDATION',
        `${invalid.rows} of ${total} rows are invalid${detail}`,
        invalid.issues,
        invalid.more,
      );
    }
    const priority = submission.options?.priority ?? 0;
    const created = await this.batches.createWithRuns(
      tenantId,
      {
        name: submission.name ?? null,
        taskId: task?.id ?? null,
        taskVersion: task?.version ?? null,
        priority,
        options: { skipInvalid, skippedRows: invalid.rows },
        idempotencyKey: idempotencyKey ?? null,
      },
      inputs,
    );
    if (created.created) await this.enqueue(tenantId, created.runs, priority);
    const batch = await this.batches.find(tenantId, created.batchId);
    if (!batch) throw new Error(`Batch ${created.batchId} vanished after it was created`);
    if (!created.created) return { result: replayed(batch), created: false };
    return {
      result: { batch, skippedRows: invalid.rows, issues: invalid.issues, moreIssues: invalid.more },
      created: true,
    };
  }

  private async readRows(
    command: CreateBatchCommand,
    task: TaskView | null,
  ): Promise<{ inputs: BatchRunInput[]; invalid: RowIssues; total: number }> {
    const invalid = new RowIssues();
    const inputs: BatchRunInput[] = [];
    const toInput = this.rowMapper(command.submission, task);
    const mode: TaskFileMode = task ? { mode: 'task', variables: task.variables } : { mode: 'adhoc' };
    const reader = readTaskFile(command.source, {
      ...mode,
      fileName: command.fileName,
      format: command.format,
      skipInvalid: true,
      onInvalidRow: (_row, issues) => invalid.addRow(issues),
    });
    for await (const row of reader) {
      try {
        inputs.push(toInput(row));
      } catch (error) {
        if (!(error instanceof GtrError)) throw error;
        invalid.addRow(rowIssuesOf(row.row, error));
      }
    }
    return { inputs, invalid, total: reader.report.total };
  }

  /** How a valid row becomes a run: rendered with the task, or as the row's own request. */
  private rowMapper(submission: BatchSubmission, task: TaskView | null): (row: TaskFileRow) => BatchRunInput {
    const { providers, config } = this.runtime;
    const provider = resolveProvider(providers, task?.provider, task ? 'task' : 'provider');
    const defaultModel = providers.describeOne(provider).defaultModel;
    const common = (row: TaskFileRow) => ({
      provider,
      metadata: row.corrId ? { ...row.metadata, corrId: row.corrId } : row.metadata,
      idempotencyKey: row.idempotencyKey ?? null,
      batchRowId: row.id,
    });
    if (task) {
      return (row) => {
        const plan = planTaskRun(task, {
          input: row.variables ?? {},
          model: submission.model,
          params: submission.params,
        });
        return { ...common(row), ...taskRunInput(plan, provider, defaultModel, config) };
      };
    }
    return (row) => ({
      ...common(row),
      model: row.model ?? submission.model ?? defaultModel,
      messages: row.messages ?? [],
      params: { ...submission.params, ...row.params },
      maxAttempts: config.GTR_MAX_ATTEMPTS,
      timeoutMs: config.GTR_RUN_TIMEOUT_MS,
    });
  }

  /** If the enqueue fails the runs are safe in Postgres: the reconciler enqueues them. */
  private async enqueue(
    tenantId: string,
    runs: readonly { id: string; created: boolean }[],
    priority: number,
  ) {
    const { queue, logger } = this.runtime;
    const jobs = runs
      .filter((run) => run.created)
      .map((run) => ({
        id: runJobId(run.id, 1),
        payload: { runId: run.id, tenantId },
        priority: batchJobPriority(priority),
      }));
    await queue
      .addBulk(QueueName.Runs, jobs)
      .catch((error: unknown) =>
        logger.error({ err: error, runs: jobs.length }, 'batch enqueue failed; the reconciler will retry'),
      );
  }
}

function replayed(batch: CreateBatchResult['batch']): CreateBatchResult {
  return { batch, skippedRows: 0, issues: [], moreIssues: 0 };
}

/** A row that was valid but could not be rendered (a task variable missing, too long a prompt). */
function rowIssuesOf(row: number, error: GtrError): FieldIssue[] {
  if (error.issues.length === 0) return [{ row, field: '(row)', message: error.message }];
  return error.issues.map((issue) => ({ ...issue, row }));
}
