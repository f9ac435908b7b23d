import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type MockLlm, startMockLlm } from '@gtr/mock-llm';
import {
  type GtrMode,
  parseThroughputOptions,
  type ThroughputOptions,
} from './throughput/throughput-options';
import { formatThroughputTable, type ThroughputRow } from './throughput/throughput-row';
import { runCliBatch } from './support/cli-batch';
import { type GtrDeployment, startDistributed, startEmbedded } from './support/gtr-deployment';
import { runRawSdkLoop } from './support/raw-sdk-loop';
import { taskRows } from './support/task-file';
import { cpuProfArgs, printTopSelfTime } from './support/print-cpu-profile';

/*
 * Throughput benchmark: the same distinct prompts against mock-llm at a fixed latency, sent by
 * the plain openai SDK in a loop capped at --concurrency, and by gtr (distributed and embedded)
 * as a task file through the real CLI with `--concurrency`. Prints numbers; asserts nothing.
 * `npx nx run bench:throughput -- --prompts 500 --latencies 200`
 */

/** Rows of a batch run once per deployment before the timed runs: a long-lived server is warm. */
const WARM_UP_ROWS = 64;

function start(mode: GtrMode, mock: MockLlm, options: ThroughputOptions): Promise<GtrDeployment> {
  if (options.cpuProfDir !== null) mkdirSync(resolve(options.cpuProfDir, mode), { recursive: true });
  const common = {
    providerUrl: mock.url,
    workerConcurrency: options.workerConcurrency,
    logLevel: options.logLevel,
    ...(options.cpuProfDir !== null && { workerNodeArgs: cpuProfArgs(resolve(options.cpuProfDir, mode)) }),
  };
  return mode === 'distributed'
    ? startDistributed({ ...common, workers: options.workers, redisUrl: options.redisUrl })
    : startEmbedded(common);
}

function runnerName(mode: GtrMode, options: ThroughputOptions): string {
  return mode === 'distributed'
    ? `gtr distributed (api + ${options.workers} workers)`
    : 'gtr embedded (1 process)';
}

async function main(): Promise<void> {
  const options = parseThroughputOptions(process.argv.slice(2));
  console.log(
    `throughput: ${options.prompts} distinct prompts per run, fixed mock latency (no jitter), cap ${options.concurrency} in flight; ` +
      `gtr: task file through \`gtr run -i -o${options.cap ? ` --concurrency ${options.concurrency}` : ''}\`, GTR_WORKER_CONCURRENCY ${options.workerConcurrency}, LOG_LEVEL ${options.logLevel}` +
      (options.cap
        ? ''
        : '\nNOT CAPPED (--no-cap): gtr runs up to workers x GTR_WORKER_CONCURRENCY calls at once'),
  );
  const mock = await startMockLlm({ latencyMs: options.latenciesMs[0], jitterMs: 0, seed: 7 });
  const rows: ThroughputRow[] = [];
  const measured = (
    latencyMs: number,
    runner: string,
    outcome: Omit<ThroughputRow, 'latencyMs' | 'runner' | 'maxInFlight' | 'duplicates'>,
  ) => {
    const row = {
      latencyMs,
      runner,
      ...outcome,
      maxInFlight: mock.stats().maxInFlight,
      duplicates: mock.duplicates().length,
    };
    rows.push(row);
    console.log(`  done: ${latencyMs} ms, ${runner}: ${row.ok} ok in ${(row.wallMs / 1000).toFixed(1)} s`);
  };
  try {
    for (const latencyMs of options.latenciesMs) {
      mock.configure({ latencyMs });
      mock.reset();
      const raw = await runRawSdkLoop({
        mockUrl: mock.url,
        requests: options.prompts,
        concurrency: options.concurrency,
        maxTokens: options.maxTokens,
      });
      measured(latencyMs, 'raw openai SDK loop', {
        ok: raw.ok,
        failed: raw.failed,
        wallMs: raw.wallMs,
        engineMs: null,
      });
    }
    for (const mode of options.modes) {
      const deployment = await start(mode, mock, options);
      try {
        const capArgs = options.cap ? ['--concurrency', String(options.concurrency)] : [];
        await runCliBatch(deployment, taskRows(`warm-${mode[0]}`, WARM_UP_ROWS, options.maxTokens), capArgs);
        for (const latencyMs of options.latenciesMs) {
          mock.configure({ latencyMs });
          mock.reset();
          const outcome = await runCliBatch(
            deployment,
            taskRows(`${mode[0]}l${latencyMs}`, options.prompts, options.maxTokens),
            capArgs,
          );
          measured(latencyMs, runnerName(mode, options), {
            ok: outcome.ok,
            failed: outcome.failed,
            wallMs: outcome.wallMs,
            engineMs: outcome.engineMs,
          });
        }
      } finally {
        await deployment.stop();
      }
    }
  } finally {
    await mock.close();
  }
  rows.sort((a, b) => b.latencyMs - a.latencyMs);
  console.log(`\n${formatThroughputTable(rows, options.concurrency)}`);
  console.log(
    [
      '',
      'req/s: answered prompts / time; raw loop: first request to last answer; gtr: `gtr run` start (upload) to exit (results file written; the CLI follows the batch by its events)',
      'engine req/s: the same over the batch createdAt -> finishedAt (no upload, polling or download)',
      "max in flight: mock-llm's in-flight high-water mark during the run (the cap must hold across workers)",
    ].join('\n'),
  );
  if (options.cpuProfDir !== null)
    for (const mode of options.modes)
      printTopSelfTime(
        resolve(options.cpuProfDir, mode),
        `gtr ${mode} (${mode === 'distributed' ? 'workers' : 'its one process'}, warm-up included)`,
      );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
