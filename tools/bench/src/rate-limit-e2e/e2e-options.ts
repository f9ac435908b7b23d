import { Command } from 'commander';
import { positiveInt } from '../support/cli-options';

/** What one `bench:rate-limit-e2e` invocation runs. */
export interface RateLimitE2eOptions {
  rows: number;
  rpm: number;
  tpm: number;
  maxTokens: number;
  latencyMs: number;
  /** The raw loop's requests in flight. */
  concurrency: number;
  workers: number;
  redisUrl: string;
  raw: boolean;
}

/** Parses the command line (`node rate-limit-e2e.js --rows 300 …`). */
export function parseRateLimitE2eOptions(argv: readonly string[]): RateLimitE2eOptions {
  const o = new Command('rate-limit-e2e')
    .description('gtr against mock-llm enforcing limits per second, limits learned from headers.')
    .option('--rows <n>', 'rows of the task file per setup', positiveInt, 1200)
    .option('--rpm <n>', 'requests per minute of the request-bound setup', positiveInt, 600)
    .option('--tpm <n>', 'tokens per minute of the token-bound setup', positiveInt, 1_000_000)
    .option('--max-tokens <n>', 'max_tokens of every row', positiveInt, 400)
    .option('--latency <ms>', 'fixed mock latency', positiveInt, 200)
    .option('--concurrency <n>', 'requests in flight of the plain SDK loop', positiveInt, 32)
    .option('--workers <n>', 'gtr worker processes', positiveInt, 2)
    .option('--redis-url <url>', 'Redis of distributed mode', 'redis://127.0.0.1:6379')
    .option('--no-raw', 'skip the plain SDK baseline')
    .parse([...argv], { from: 'user' })
    .opts<{
      rows: number;
      rpm: number;
      tpm: number;
      maxTokens: number;
      latency: number;
      concurrency: number;
      workers: number;
      redisUrl: string;
      raw: boolean;
    }>();
  return {
    rows: o.rows,
    rpm: o.rpm,
    tpm: o.tpm,
    maxTokens: o.maxTokens,
    latencyMs: o.latency,
    concurrency: o.concurrency,
    workers: o.workers,
    redisUrl: o.redisUrl,
    raw: o.raw,
  };
}
