import { type RateLimitPolicy, type RateLimits } from '@gtr/engine';

/** How a worker process drives its share of the requests. */
export type BenchDriver = 'configured' | 'learned' | 'raw';

/** Sent by the parent to a worker process once it started. */
export interface WorkerTask {
  type: 'task';
  worker: number;
  driver: BenchDriver;
  mockUrl: string;
  redisUrl: string;
  prefix: string;
  /** Limits passed to the limiter (`{}` when they must be learned). */
  limits: RateLimits;
  policy: Partial<RateLimitPolicy>;
  requests: number;
  concurrency: number;
  maxTokens: number;
  /** `maxRetries` of the plain SDK (driver `raw`); unset: the SDK's default (2). */
  sdkMaxRetries?: number;
}

/** One request answered 200: when it completed and what the provider charged for it. */
export interface Completed {
  at: number;
  tokens: number;
}

/** Sent by a worker when it is done. */
export interface WorkerResult {
  type: 'result';
  completed: Completed[];
  failed: number;
  /** Total time calls waited in the limiter. */
  limiterWaitMs: number;
}

/** Messages from the parent: the task, then `go` when every worker is ready. */
export type ParentMessage = WorkerTask | { type: 'go' };

/** Messages from a worker. */
export type WorkerMessage = { type: 'ready' } | WorkerResult | { type: 'error'; message: string };
