import { Command, InvalidArgumentError } from 'commander';
import { intList, positiveInt } from '../support/cli-options';

export type GtrMode = 'distributed' | 'embedded';

/** What one `bench:throughput` invocation runs. */
export interface ThroughputOptions {
  prompts: number;
  /** Fixed mock latencies to run, in order. */
  latenciesMs: number[];
  /** The cap: the raw loop's, and gtr's `--concurrency`. */
  concurrency: number;
  modes: GtrMode[];
  workers: number;
  workerConcurrency: number;
  maxTokens: number;
  redisUrl: string;
  /** Pass `--concurrency` to `gtr run` (off for a CLI without the flag; then the slots are the only cap). */
  cap: boolean;
  logLevel: string;
  /** Write `node --cpu-prof` profiles of the gtr processes here and print their top self time. */
  cpuProfDir: string | null;
}

function modeList(value: string): GtrMode[] {
  const modes = value.split(',').map((mode) => mode.trim());
  for (const mode of modes)
    if (mode !== 'distributed' && mode !== 'embedded')
      throw new InvalidArgumentError(`unknown mode '${mode}': use distributed, embedded or both`);
  return modes as GtrMode[];
}

/** Parses the command line (`node throughput.js --prompts 500 …`). */
export function parseThroughputOptions(argv: readonly string[]): ThroughputOptions {
  const o = new Command('throughput')
    .description('Requests/s of gtr (task file through the CLI) against the plain SDK loop, same cap.')
    .option('--prompts <n>', 'distinct prompts per run', positiveInt, 2000)
    .option('--latencies <ms,...>', 'fixed mock latencies to run', intList, [200, 50])
    .option('--concurrency <n>', "the cap: the raw loop's and gtr's --concurrency", positiveInt, 32)
    .option('--modes <list>', 'gtr modes: distributed, embedded', modeList, ['distributed', 'embedded'])
    .option('--workers <n>', 'worker processes in distributed mode', positiveInt, 2)
    .option('--worker-concurrency <n>', 'GTR_WORKER_CONCURRENCY of each worker', positiveInt, 32)
    .option('--max-tokens <n>', 'max_tokens of every request', positiveInt, 50)
    .option('--redis-url <url>', 'Redis of distributed mode', 'redis://127.0.0.1:6379')
    .option('--log-level <level>', 'LOG_LEVEL of the gtr processes', 'info')
    .option('--cpu-prof <dir>', 'profile the gtr processes with node --cpu-prof into <dir>')
    .option('--no-cap', 'do not pass --concurrency to gtr run (the worker slots are then the only cap)')
    .parse([...argv], { from: 'user' })
    .opts<{
      prompts: number;
      latencies: number[];
      concurrency: number;
      modes: GtrMode[];
      workers: number;
      workerConcurrency: number;
      maxTokens: number;
      redisUrl: string;
      cap: boolean;
      logLevel: string;
      cpuProf?: string;
    }>();
  return {
    prompts: o.prompts,
    latenciesMs: o.latencies,
    concurrency: o.concurrency,
    modes: o.modes,
    workers: o.workers,
    workerConcurrency: o.workerConcurrency,
    maxTokens: o.maxTokens,
    redisUrl: o.redisUrl,
    cap: o.cap,
    logLevel: o.logLevel,
    cpuProfDir: o.cpuProf ?? null,
  };
}
