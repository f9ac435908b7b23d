import { Inject, Injectable } from '@nestjs/common';
import { type RunView, GtrError, createRunSchema, messagesOf, parseOrThrow } from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { RUNTIME, type Runtime, notifyRunChanged, runJobId } from '@gtr/server';

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

/**
 * Validates an ad-hoc run, stores it as `queued` and enqueues it (job id = run id). If the
 * enqueue fails the run is still safe in Postgres: the reconciler enqueues it later.
 */
@Injectable()
export class CreateRunUseCase {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async execute(command: CreateRunCommand): Promise<CreateRunResult> {
    const body = parseOrThrow(createRunSchema, command.body);
    if (command.idempotencyKey && body.idempotencyKey && command.idempotencyKey !== body.idempotencyKey) {
      throw new GtrError('E_VALIDATION', 'The Idempotency-Key header and body.idempotencyKey differ.', [
        { field: 'idempotencyKey', message: 'differs from the Idempotency-Key header' },
      ]);
    }
    const { providers, config, repositories, queue, events, logger } = this.runtime;
    const provider = body.provider ?? providers.defaultProvider;
    if (!providers.has(provider)) {
      throw new GtrError('E_VALIDATION', `Unknown provider "${provider}".`, [
        { field: 'provider', message: `must be one of: ${providers.names().join(', ')}` },
      ]);
    }
    const { run, created } = await repositories.runs.create(command.tenantId, {
      provider,
      model: body.model ?? providers.describeOne(provider).defaultModel,
      messages: messagesOf(body),
      params: body.params ?? {},
      metadata: body.metadata ?? {},
      idempotencyKey: body.idempotencyKey ?? command.idempotencyKey ?? null,
      maxAttempts: config.GTR_MAX_ATTEMPTS,
      timeoutMs: config.GTR_RUN_TIMEOUT_MS,
    });
    if (!created) return { run, created };
    await queue
      .add(QueueName.Runs, { id: runJobId(run.id, 1), payload: { runId: run.id, tenantId: command.tenantId } })
      .catch((error: unknown) => logger.error({ err: error, runId: run.id }, 'enqueue failed; the reconciler will retry'));
    await notifyRunChanged(events, { tenantId: command.tenantId, runId: run.id, status: run.status, batchId: null });
    return { run, created };
  }
}
