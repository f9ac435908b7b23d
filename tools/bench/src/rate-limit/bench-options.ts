import { DEFAULT_RATE_LIMIT_POLICY } from '@gtr/engine';
import { Command, InvalidArgumentError } from 'commander';

/** What one benchmark invocation runs. */
export interface BenchOptions {
  /** Target length of each limited run; sets its number of requests from the binding limit. */
  seconds: number;
  /** Requests in flight per worker process. */
  concurrency: number;
  /** Mock latency (± a third of it as jitter). */
  latencyMs: number;
  rpm: number;
  tpm: number;
  /** Completion budget of every request (`max_tokens`). */
  maxTokens: number;
  redisUrl: string;
  /** The limiter's `jitterMs` (default: the policy's). */
  jitterMs: number;
  /** Also run the plain SDK loop without limiter. */
  raw: boolean;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be an integer >= 0');
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

/** Parses the command line (`node rate-limit.js --seconds 10 …`). */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const command = new Command('rate-limit')
    .description(
      'Throughput and 429s of the shared rate limiter against mock-llm, from two worker processes.',
    )
    .option('--seconds <n>', 'target length of each limited run', positiveInt, 20)
    .option('--concurrency <n>', 'requests in flight per worker process', positiveInt, 32)
    .option('--latency <ms>', 'mock latency (jitter: a third of it)', positiveInt, 150)
    .option('--rpm <n>', 'requests per minute of the request-bound runs', positiveInt, 600)
    .option('--tpm <n>', 'tokens per minute of the token-bound runs', positiveInt, 1_000_000)
    .option('--max-tokens <n>', 'max_tokens of every request', positiveInt, 400)
    .option(
      '--jitter <ms>',
      'jitter allowance of the limiter (policy jitterMs)',
      nonNegativeInt,
      DEFAULT_RATE_LIMIT_POLICY.jitterMs,
    )
    .option('--redis-url <url>', 'Redis shared by the worker processes', 'redis://127.0.0.1:6379')
    .option('--no-raw', 'skip the baseline without limiter')
    .parse([...argv], { from: 'user' });
  const o = command.opts<{
    seconds: number;
    concurrency: number;
    latency: number;
    rpm: number;
    tpm: number;
    maxTokens: number;
    redisUrl: string;
    jitter: number;
    raw: boolean;
  }>();
  return {
    seconds: o.seconds,
    concurrency: o.concurrency,
    latencyMs: o.latency,
    rpm: o.rpm,
    tpm: o.tpm,
    maxTokens: o.maxTokens,
    redisUrl: o.redisUrl,
    jitterMs: o.jitter,
    raw: o.raw,
  };
}
