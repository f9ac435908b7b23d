import { Inject, Injectable } from '@nestjs/common';
import { type CreateRunInput, TasksRepository } from '@gtr/data';
import {
  type CreateRunRequest,
  type CreateTaskRunRequest,
  type RunView,
  GtrError,
  isTaskRunRequest,
  messagesOf,
  parseRunRequest,
  planTaskRun,
} from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { RUNTIME, type Runtime, notifyRunChanged, runJobId, taskRunInput } from '@gtr/server';
import { resolveProvider } from '../../common/resolve-provider';
import { findTaskOrThrow } from '../../tasks/find-task-or-throw';

export interface CreateRunCommand {
  tenantId: string;
  body: unknown;
  /** `Idempotency-Key` header, if sent. */
  idempotencyKey?: string;
}

export interface CreateRunResult {
  run: RunView;
  /** False when the idempotency key matched an earlier run, which is returned instead. */
  created: boolean;
}

/** What a run sends and how it is executed, from either form of the request. */
type RunRequestPart = Omit<CreateRunInput, 'metadata' | 'idempotencyKey' | 'cacheTtlSeconds'>;

/**
 * Validates a run — ad hoc, or from a task rendered with its input — stores it as `queued` and
 * enqueues it (job id = run id). If the enqueue fails the run is still safe in Postgres: the
 * reconciler enqueues it later.
 */
@Injectable()
export class CreateRunUseCase {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly tasks: TasksRepository,
  ) {}

  async execute(command: CreateRunCommand): Promise<CreateRunResult> {
    const body = parseRunRequest(command.body);
    if (command.idempotencyKey && body.idempotencyKey && command.idempotencyKey !== body.idempotencyKey) {
      throw new GtrError('E_VALIDATION', 'The Idempotency-Key header and body.idempotencyKey differ.', [
        { field: 'idempotencyKey', message: 'differs from the Idempotency-Key header' },
      ]);
    }
    const { repositories, queue, events, logger } = this.runtime;
    const request = isTaskRunRequest(body) ? await this.fromTask(command.tenantId, body) : this.adHoc(body);
    const { run, created } = await repositories.runs.create(command.tenantId, {
      ...request,
      metadata: body.metadata ?? {},
      idempotencyKey: body.idempotencyKey ?? command.idempotencyKey ?? null,
      cacheTtlSeconds: body.cache?.ttlSeconds ?? null,
    });
    if (!created) return { run, created };
    await queue
      .add(QueueName.Runs, {
        id: runJobId(run.id, 1),
        payload: { runId: run.id, tenantId: command.tenantId },
      })
      .catch((error: unknown) =>
        logger.error({ err: error, runId: run.id }, 'enqueue failed; the reconciler will retry'),
      );
    await notifyRunChanged(events, {
      tenantId: command.tenantId,
      runId: run.id,
      status: run.status,
      batchId: null,
    });
    return { run, created };
  }

  private adHoc(body: CreateRunRequest): RunRequestPart {
    const { providers, config } = this.runtime;
    const provider = resolveProvider(providers, body.provider, 'provider');
    return {
      provider,
      model: body.model ?? providers.describeOne(provider).defaultModel,
      messages: messagesOf(body),
      params: body.params ?? {},
      maxAttempts: config.GTR_MAX_ATTEMPTS,
      timeoutMs: config.GTR_RUN_TIMEOUT_MS,
    };
  }

  /** The task version rendered with the input; the task's settings, then the API defaults. */
  private async fromTask(tenantId: string, body: CreateTaskRunRequest): Promise<RunRequestPart> {
    const { providers, config } = this.runtime;
    const task = await findTaskOrThrow(this.tasks, tenantId, body.task, body.version);
    const plan = planTaskRun(task, { input: body.input, model: body.model, params: body.params });
    const provider = resolveProvider(providers, plan.provider, 'task');
    return taskRunInput(plan, provider, providers.describeOne(provider).defaultModel, config);
  }
}
