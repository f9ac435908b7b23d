import { type AppConfig } from '@gtr/config';
import { ProviderBatchesRepository } from '@gtr/data';
import { type Runtime, providerConfigsOf } from '../runtime';
import { type BatchApiClient, openAiBatchClient } from './batch-api-client';
import {
  ProviderBatchExecutor,
  type ProviderBatchOptions,
  type ProviderBatchTickSummary,
} from './provider-batch-executor';

/** Options of a {@link ProviderBatchRunner}: the executor's, plus how often it ticks. */
export interface ProviderBatchRunnerOptions extends Partial<ProviderBatchOptions> {
  /** Time between ticks. Default 5 s (each file is still polled only every `pollIntervalMs`). */
  tickIntervalMs?: number;
  /** Replaces how a provider's Batch API client is built (tests). */
  clientFor?: (provider: string) => BatchApiClient | null;
}

/**
 * The Batch API clients of the configured providers: `openai`-kind providers have one (same
 * base URL and key as their chat calls), others (dry-run) none.
 */
export function batchApiClientsOf(config: AppConfig): (provider: string) => BatchApiClient | null {
  const clients = new Map<string, BatchApiClient>();
  const configs = providerConfigsOf(config);
  return (provider) => {
    const known = clients.get(provider);
    if (known) return known;
    const providerConfig = configs.find((candidate) => candidate.name === provider);
    if (providerConfig?.kind !== 'openai') return null;
    const client = openAiBatchClient(providerConfig);
    clients.set(provider, client);
    return client;
  };
}

/** What the runner needs of the process runtime. */
export type ProviderBatchRuntime = Pick<
  Runtime,
  'config' | 'dataSource' | 'repositories' | 'providers' | 'events' | 'logger' | 'workerId'
>;

/**
 * Ticks a {@link ProviderBatchExecutor} in the background of a worker, like the scheduler: a
 * tick still running when the next is due is not overlapped, and a failed tick is logged and
 * tried again. Every worker may run one.
 */
export class ProviderBatchRunner {
  readonly executor: ProviderBatchExecutor;
  private readonly tickIntervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<unknown> | null = null;

  constructor(
    private readonly runtime: ProviderBatchRuntime,
    options: ProviderBatchRunnerOptions = {},
  ) {
    const { tickIntervalMs, clientFor, ...executorOptions } = options;
    this.tickIntervalMs = tickIntervalMs ?? 5_000;
    this.executor = new ProviderBatchExecutor(
      {
        providerBatches: new ProviderBatchesRepository(runtime.dataSource),
        execution: runtime.repositories.execution,
        providers: runtime.providers,
        clientFor: clientFor ?? batchApiClientsOf(runtime.config),
        events: runtime.events,
        logger: runtime.logger,
        workerId: runtime.workerId,
      },
      executorOptions,
    );
  }

  /** Starts ticking (idempotent). */
  start(): void {
    if (this.timer) return;
    this.schedule();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** One tick now. */
  tick(): Promise<ProviderBatchTickSummary> {
    return this.executor.tick();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.ticking ??= this.tick()
        .catch((error: unknown) => this.runtime.logger.error({ err: error }, 'provider batch tick failed'))
        .finally(() => {
          this.ticking = null;
          if (this.timer) this.schedule();
        });
    }, this.tickIntervalMs);
    this.timer.unref();
  }
}

/**
 * Asks the provider to cancel the submitted files of a `provider_batch` batch whose runs were
 * just cancelled (best effort; see `ProviderBatchExecutor.cancel`). Resolves to how many it asked.
 */
export function cancelProviderBatches(
  runtime: ProviderBatchRuntime,
  tenantId: string,
  batchId: string,
): Promise<number> {
  return new ProviderBatchRunner(runtime).executor.cancel(tenantId, batchId);
}
