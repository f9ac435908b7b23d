/** Options of {@link createQueueDriver}. Durations are in milliseconds. */
export interface QueueDriverOptions {
  /** Redis URL (`redis://` or `rediss://`). Set: BullMQ driver; unset: in-process driver. */
  redisUrl?: string;
  /**
   * Namespace of every key (BullMQ prefix). Drivers with the same prefix share queues: on the
   * same Redis, or, for the in-process driver, in the same process. Tests use a unique one.
   */
  prefix: string;
  /** How long a consumer's lock on an active job lasts; renewed at half of it. Default 30 s. */
  lockDurationMs?: number;
  /**
   * How often consumers look for jobs whose lock expired (a dead consumer). Default 30 s.
   * Use one value for every consumer of a queue: the first check sets the pace for all.
   */
  stalledIntervalMs?: number;
  /** Recoveries of a stalled job before it is failed instead (poison jobs). Default 2. */
  maxStalledCount?: number;
  /** How long `Consumer.close` waits for active handlers before aborting them. Default 10 s. */
  closeGraceMs?: number;
  /** How long it then waits for aborted handlers before abandoning them. Default 5 s. */
  abortGraceMs?: number;
  /** Receives background errors (connection, lock renewal); wire it to the logger. */
  onError?: (error: Error) => void;
}

/** {@link QueueDriverOptions} with every default applied. */
export type ResolvedQueueDriverOptions = Required<Omit<QueueDriverOptions, 'redisUrl'>>;

/** Default durations of {@link QueueDriverOptions}. */
export const QUEUE_DRIVER_DEFAULTS = {
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 2,
  closeGraceMs: 10_000,
  abortGraceMs: 5_000,
} as const;

/**
 * How many finished jobs are kept, so counts stay meaningful and failures can be inspected.
 * Postgres holds the real history; these only bound Redis memory.
 */
export const JOB_RETENTION = {
  completed: { ageSeconds: 60 * 60, count: 1_000 },
  failed: { ageSeconds: 24 * 60 * 60, count: 5_000 },
} as const;

/** Applies defaults and rejects nonsensical values early (at boot, not at the first job). */
export function resolveQueueDriverOptions(options: QueueDriverOptions): ResolvedQueueDriverOptions {
  if (!options.prefix) throw new RangeError('Queue driver prefix must not be empty');
  const resolved: ResolvedQueueDriverOptions = {
    prefix: options.prefix,
    lockDurationMs: options.lockDurationMs ?? QUEUE_DRIVER_DEFAULTS.lockDurationMs,
    stalledIntervalMs: options.stalledIntervalMs ?? QUEUE_DRIVER_DEFAULTS.stalledIntervalMs,
    maxStalledCount: options.maxStalledCount ?? QUEUE_DRIVER_DEFAULTS.maxStalledCount,
    closeGraceMs: options.closeGraceMs ?? QUEUE_DRIVER_DEFAULTS.closeGraceMs,
    abortGraceMs: options.abortGraceMs ?? QUEUE_DRIVER_DEFAULTS.abortGraceMs,
    onError: options.onError ?? ignoreError,
  };
  for (const name of ['lockDurationMs', 'stalledIntervalMs', 'closeGraceMs', 'abortGraceMs'] as const) {
    const value = resolved[name];
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`Queue driver ${name} must be a positive number`);
  }
  if (!Number.isInteger(resolved.maxStalledCount) || resolved.maxStalledCount < 0) {
    throw new RangeError('Queue driver maxStalledCount must be an integer ≥ 0');
  }
  return resolved;
}

function ignoreError(): void {
  // Without a listener, background errors have nowhere to go; the caller chose not to log them.
}
