import { type BatchRunInput, BatchesRepository, TasksRepository } from '@gtr/data';
import {
  type BatchSubmission,
  type CreateBatchResult,
  type FieldIssue,
  GtrError,
  type TaskView,
  planTaskRun,
} from '@gtr/domain';
import {
  type TaskFileFormat,
  type TaskFileMode,
  type TaskFileRow,
  type TaskFileSource,
  readTaskFile,
} from '@gtr/task-files';
import { enqueueBatchRuns } from '../enqueue-batch-runs';
import { type Runtime } from '../runtime';
import { taskRunInput } from '../task-run-input';
import { findTaskOrThrow } from './find-task-or-throw';
import { resolveProvider } from './resolve-provider';
import { RowIssues } from './row-issues';
import { TruncatedIssuesError } from './truncated-issues.error';

/** What creating a batch needs of the process runtime. */
export type BatchCreatorRuntime = Pick<Runtime, 'dataSource' | 'queue' | 'providers' | 'config' | 'logger'>;

/** Where a batch's runs came from, stamped on each of them (a schedule fire). */
export interface BatchRunOrigin {
  scheduleId: string;
  /** Merged over each row's own metadata. */
  metadata: Record<string, unknown>;
}

interface CreateBatchCommandBase {
  tenantId: string;
  submission: BatchSubmission;
  /** `Idempotency-Key` header, or a key derived from a schedule's fire time. */
  idempotencyKey?: string;
  origin?: BatchRunOrigin;
}

/** A batch from a task file read now (an upload, or JSON rows as JSONL text). */
export interface CreateBatchCommand extends CreateBatchCommandBase {
  /** The rows as a task file: a path on disk (an upload) or chunks of JSONL text. */
  source: TaskFileSource;
  /** For the format: the upload's file name. */
  fileName?: string;
  format?: TaskFileFormat;
}

/** A batch from rows validated earlier (a stored task file): they are not parsed again. */
export interface CreateBatchFromRowsCommand extends CreateBatchCommandBase {
  rows: AsyncIterable<TaskFileRow>;
}

/** A task file to check for storing (see {@link BatchCreator.checkedRows}). */
export interface CheckTaskFileCommand {
  source: TaskFileSource;
  fileName?: string;
  format?: TaskFileFormat;
  /** The task whose template the rows fill; null for ad-hoc rows. */
  task: TaskView | null;
}

/** The batch, and whether this call created it (false: an idempotency key replayed it). */
export interface CreateBatchOutcome {
  result: CreateBatchResult;
  created: boolean;
}

/**
 * Creates batches, for the api (`POST /v1/batches`) and the scheduler alike. Validates every
 * row first (nothing is stored while any row is invalid, unless `skipInvalid`), renders task
 * rows with the task's template, stores the batch and all its runs in one transaction and
 * enqueues them. A repeated idempotency key returns the first batch.
 */
export class BatchCreator {
  private readonly batches: BatchesRepository;
  private readonly tasks: TasksRepository;

  constructor(
    private readonly runtime: BatchCreatorRuntime,
    repositories: { batches?: BatchesRepository; tasks?: TasksRepository } = {},
  ) {
    this.batches = repositories.batches ?? new BatchesRepository(runtime.dataSource);
    this.tasks = repositories.tasks ?? new TasksRepository(runtime.dataSource);
  }

  /**
   * @throws GtrError `E_NOT_FOUND` for an unknown task or version; `TruncatedIssuesError`
   * `E_VALIDATION` naming the first invalid rows and fields; `E_FILE_*` for an unreadable file.
   */
  execute(command: CreateBatchCommand): Promise<CreateBatchOutcome> {
    return this.create(command, (task, invalid) => {
      const reader = this.reader(command, task, invalid);
      return { rows: reader, total: () => reader.report.total };
    });
  }

  /**
   * The rows of a task file checked exactly as a batch of them would be (each row read, then
   * rendered with the task), yielded as they are read so a caller can store them while reading.
   * @throws TruncatedIssuesError `E_VALIDATION` at the end, after every row was read, when any
   * row is invalid (naming the first rows and fields); `E_FILE_*` for an unreadable file.
   */
  async *checkedRows(command: CheckTaskFileCommand): AsyncGenerator<TaskFileRow> {
    const invalid = new RowIssues();
    const reader = this.reader(command, command.task, invalid);
    const render = this.rowMapper({ tenantId: '', submission: {} }, command.task);
    for await (const row of reader) {
      try {
        render(row);
      } catch (error) {
        if (!(error instanceof GtrError)) throw error;
        invalid.addRow(rowIssuesOf(row.row, error));
        continue;
      }
      yield row;
    }
    if (invalid.rows > 0) throw invalidRows(invalid, reader.report.total);
  }

  private reader(
    file: { source: TaskFileSource; fileName?: string; format?: TaskFileFormat },
    task: TaskView | null,
    invalid: RowIssues,
  ) {
    const mode: TaskFileMode = task ? { mode: 'task', variables: task.variables } : { mode: 'adhoc' };
    return readTaskFile(file.source, {
      ...mode,
      fileName: file.fileName,
      format: file.format,
      skipInvalid: true,
      onInvalidRow: (_row, issues) => invalid.addRow(issues),
    });
  }

  /** Like {@link execute}, from rows that were read and validated before. */
  executeRows(command: CreateBatchFromRowsCommand): Promise<CreateBatchOutcome> {
    let total = 0;
    async function* counted(): AsyncGenerator<TaskFileRow> {
      for await (const row of command.rows) {
        total++;
        yield row;
      }
    }
    return this.create(command, () => ({ rows: counted(), total: () => total }));
  }

  private async create(
    command: CreateBatchCommandBase,
    open: (
      task: TaskView | null,
      invalid: RowIssues,
    ) => { rows: AsyncIterable<TaskFileRow>; total: () => number },
  ): Promise<CreateBatchOutcome> {
    const { tenantId, submission, idempotencyKey } = command;
    if (idempotencyKey) {
      const existing = await this.batches.findByIdempotencyKey(tenantId, idempotencyKey);
      if (existing) return { result: replayed(existing), created: false };
    }
    const task = submission.task
      ? await findTaskOrThrow(this.tasks, tenantId, submission.task, submission.version)
      : null;
    const mode = submission.options?.mode ?? 'queue';
    if (mode === 'provider_batch') this.checkBatchApi(submission, task);
    const invalid = new RowIssues();
    const source = open(task, invalid);
    const skipInvalid = submission.options?.skipInvalid ?? false;
    const priority = submission.options?.priority ?? 0;
    const concurrency = submission.options?.concurrency ?? null;
    // Rows are stored as they are read, in one transaction: an invalid row (without
    // skipInvalid) rolls it back once the whole file was read for its issues.
    const created = await this.batches.createWithRuns(
      tenantId,
      {
        name: submission.name ?? null,
        taskId: task?.id ?? null,
        taskVersion: task?.version ?? null,
        priority,
        concurrency,
        mode,
        options: { skipInvalid },
        idempotencyKey: idempotencyKey ?? null,
      },
      validInputs(source.rows, invalid, this.rowMapper(command, task), skipInvalid),
      {
        beforeCommit: (count) => {
          if ((invalid.rows > 0 && !skipInvalid) || count === 0) throw invalidRows(invalid, source.total());
          return { skippedRows: invalid.rows };
        },
      },
    );
    // A provider_batch batch is sent by the workers' provider-batch loop, which finds it in Postgres.
    if (created.created && mode === 'queue') {
      const fresh = created.runs
        .filter((run) => run.created)
        .map((run) => ({ runId: run.id, attemptCount: 0 }));
      await enqueueBatchRuns(this.runtime, tenantId, { id: created.batchId, priority, concurrency }, fresh);
    }
    const batch = await this.batches.find(tenantId, created.batchId);
    if (!batch) throw new Error(`Batch ${created.batchId} vanished after it was created`);
    if (!created.created) return { result: replayed(batch), created: false };
    return {
      result: { batch, skippedRows: invalid.rows, issues: invalid.issues, moreIssues: invalid.more },
      created: true,
    };
  }

  /** How a valid row becomes a run: rendered with the task, or as the row's own request. */
  private rowMapper(
    command: CreateBatchCommandBase,
    task: TaskView | null,
  ): (row: TaskFileRow) => BatchRunInput {
    const { submission, origin } = command;
    const { providers, config } = this.runtime;
    const provider = this.providerOf(submission, task);
    const defaultModel = providers.describeOne(provider).defaultModel;
    const common = (row: TaskFileRow) => {
      const metadata = row.corrId ? { ...row.metadata, corrId: row.corrId } : row.metadata;
      return {
        provider,
        metadata: origin ? { ...metadata, ...origin.metadata } : metadata,
        idempotencyKey: row.idempotencyKey ?? null,
        batchRowId: row.id,
        ...(origin ? { scheduleId: origin.scheduleId } : {}),
      };
    };
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

  /** The submission's provider wins (e.g. `--dry-run` over a task's openai), then the task's. */
  private providerOf(submission: BatchSubmission, task: TaskView | null): string {
    const { providers } = this.runtime;
    return submission.provider
      ? resolveProvider(providers, submission.provider, 'provider')
      : resolveProvider(providers, task?.provider, task ? 'task' : 'provider');
  }

  /** `options.mode: provider_batch` needs a provider with a Batch API: an `openai`-kind one. */
  private checkBatchApi(submission: BatchSubmission, task: TaskView | null): void {
    const provider = this.providerOf(submission, task);
    const { kind } = this.runtime.providers.describeOne(provider);
    if (kind === 'openai') return;
    const message = `options.mode "provider_batch" needs an openai provider with a Batch API; provider "${provider}" is ${kind}. Use an openai provider or options.mode "queue".`;
    throw new GtrError('E_VALIDATION', message, [{ field: 'options.mode', message }]);
  }
}

/**
 * The runs of the valid rows, in order. An invalid row is added to `invalid`; once one is seen
 * without `skipInvalid`, the rest of the file is only read for its issues (nothing more is
 * yielded: the batch will be refused).
 */
async function* validInputs(
  rows: AsyncIterable<TaskFileRow>,
  invalid: RowIssues,
  toInput: (row: TaskFileRow) => BatchRunInput,
  skipInvalid: boolean,
): AsyncGenerator<BatchRunInput> {
  for await (const row of rows) {
    let input: BatchRunInput;
    try {
      input = toInput(row);
    } catch (error) {
      if (!(error instanceof GtrError)) throw error;
      invalid.addRow(rowIssuesOf(row.row, error));
      continue;
    }
    if (invalid.rows === 0 || skipInvalid) yield input;
  }
}

function invalidRows(invalid: RowIssues, total: number): TruncatedIssuesError {
  const first = invalid.issues[0];
  const detail = first ? `: row ${first.row}, ${first.field} ${first.message}` : '';
  return new TruncatedIssuesError(
    'E_VALIDATION',
    `${invalid.rows} of ${total} rows are invalid${detail}`,
    invalid.issues,
    invalid.more,
  );
}

function replayed(batch: CreateBatchResult['batch']): CreateBatchResult {
  return { batch, skippedRows: 0, issues: [], moreIssues: 0 };
}

/** A row that was valid but could not be rendered (a task variable missing, too long a prompt). */
function rowIssuesOf(row: number, error: GtrError): FieldIssue[] {
  if (error.issues.length === 0) return [{ row, field: '(row)', message: error.message }];
  return error.issues.map((issue) => ({ ...issue, row }));
}
