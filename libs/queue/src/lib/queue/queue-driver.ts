import { type PayloadOf, type QueueName } from './queue-name';

/** A job to enqueue. */
export interface JobToAdd<P> {
  /**
   * Unique while the job exists (for runs: the run id). Adding an id that is waiting, delayed
   * or active is a no-op; once the job completed or failed the id can be added again.
   * Must not be an integer and must not contain `:` (BullMQ rules, enforced by both drivers).
   */
  id: string;
  /** Plain JSON data: it is serialised, so a consumer gets a copy, never the same object. */
  payload: P;
  /** Wait this long before the job becomes available. */
  delayMs?: number;
  /**
   * 1 (most urgent) … 2 097 151. Jobs without a priority are taken before any prioritised
   * job (BullMQ semantics); jobs of equal priority are taken in the order they became ready.
   */
  priority?: number;
}

/** A job handed to a handler. */
export interface ReceivedJob<P> {
  id: string;
  payload: P;
  /**
   * How many earlier deliveries of this job started and never finished, because their consumer
   * died (stalled-job recovery) or was closed while the job ran. 0 on the first delivery.
   * Failures are not retried by the driver, so this counts re-deliveries only.
   */
  attemptsMade: number;
  /**
   * Aborted when the consumer is closing and its grace period ran out (`reason` is a
   * `ConsumerClosedError`), or when the job's lock was lost and another consumer may run it.
   */
  signal: AbortSignal;
}

/**
 * Processes one job. Resolving completes the job; throwing fails it (no automatic retries:
 * the caller decides whether and when to enqueue again). Throwing after the signal was aborted
 * because the consumer is closing returns the job to the queue for another consumer instead.
 */
export type JobHandler<P> = (job: ReceivedJob<P>) => Promise<void>;

/** Options of {@link QueueDriver.consume}. */
export interface ConsumeOptions {
  /** Most handlers this consumer runs at the same time (integer ≥ 1). */
  concurrency: number;
}

/**
 * Number of jobs of a queue in each state. `completed` and `failed` count the jobs still
 * retained (see `JOB_RETENTION`), not every job ever processed.
 */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** A running consumer of one queue. */
export interface Consumer {
  /**
   * Stops taking jobs and waits for the active ones. Handlers still running after the close
   * grace period get their signal aborted; a handler that has not settled after the abort
   * grace period is abandoned and its job is delivered again to another consumer.
   */
  close(): Promise<void>;
}

/**
 * The queue driver: BullMQ on Redis in distributed mode, in memory in embedded mode and in
 * tests. Both honour the same contract (one test suite runs against both).
 */
export interface QueueDriver {
  /** Enqueues one job; a no-op when a job with this id is waiting, delayed or active. */
  add<Q extends QueueName>(queue: Q, job: JobToAdd<PayloadOf<Q>>): Promise<void>;
  /** Enqueues many jobs (each deduplicated by id like {@link QueueDriver.add}). */
  addBulk<Q extends QueueName>(queue: Q, jobs: readonly JobToAdd<PayloadOf<Q>>[]): Promise<void>;
  /** Starts consuming `queue` with `handler`; resolves once the consumer is ready. */
  consume<Q extends QueueName>(
    queue: Q,
    handler: JobHandler<PayloadOf<Q>>,
    options: ConsumeOptions,
  ): Promise<Consumer>;
  /** Whether a waiting, delayed or active job with this id exists (used by the reconciler). */
  has(queue: QueueName, jobId: string): Promise<boolean>;
  /** Job counts of `queue` by state. */
  counts(queue: QueueName): Promise<QueueCounts>;
  /** Resolves when the backend answers; rejects otherwise (readiness probes). */
  ping(): Promise<void>;
  /** Closes every consumer this driver started (gracefully), then its connections. */
  close(): Promise<void>;
}
