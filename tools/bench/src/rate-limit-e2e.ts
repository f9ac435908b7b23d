import { estimatePromptTokens, type MockLlm, startMockLlm } from '@gtr/mock-llm';
import { parseRateLimitE2eOptions, type RateLimitE2eOptions } from './rate-limit-e2e/e2e-options';
import { type E2eRow, formatE2eTable } from './rate-limit-e2e/e2e-row';
import { describeLimit, type LimitSetup, limitSetups } from './rate-limit-e2e/limit-setup';
import { runCliBatch } from './support/cli-batch';
import { startDistributed } from './support/gtr-deployment';
import { runRawSdkLoop } from './support/raw-sdk-loop';
import { type TaskRow, taskRows } from './support/task-file';

/*
 * Rate limits end to end: distributed gtr (api + workers, task file through the real CLI)
 * against mock-llm enforcing its limits per second, with NOTHING configured in gtr (no
 * GTR_RATE_LIMITS: it learns the limits from the x-ratelimit-* headers), next to the plain SDK
 * loop with its default retries. Prints numbers; asserts nothing.
 * `npx nx run bench:rate-limit-e2e -- --rows 300`
 */

/** Tokens of a row as the mock charges them: its prompt's estimate plus its `max_tokens`. */
function meanTokensPerRow(rows: readonly TaskRow[], maxTokens: number): number {
  const total = rows.reduce(
    (sum, row) => sum + estimatePromptTokens([{ role: 'user', content: row.prompt }]) + maxTokens,
    0,
  );
  return total / rows.length;
}

function mockCounts(mock: MockLlm) {
  const { chatCompletions, promptsAnsweredTwice } = mock.stats();
  const answered =
    chatCompletions.ok +
    chatCompletions.rateLimited +
    chatCompletions.serverErrors +
    chatCompletions.clientErrors;
  return {
    answered,
    rateLimited: chatCompletions.rateLimited,
    duplicates: mock.duplicates().length,
    answeredTwice: promptsAnsweredTwice,
  };
}

async function runSetup(
  setup: LimitSetup,
  index: number,
  options: RateLimitE2eOptions,
  mock: MockLlm,
): Promise<E2eRow[]> {
  const rows: E2eRow[] = [];
  const fresh = () => {
    mock.configure({ rpm: setup.rpm, tpm: setup.tpm });
    mock.reset(); // stats and the limit windows
  };
  if (options.raw) {
    fresh();
    const raw = await runRawSdkLoop({
      mockUrl: mock.url,
      requests: options.rows,
      concurrency: options.concurrency,
      maxTokens: options.maxTokens,
    });
    rows.push({
      setup,
      runner: `plain SDK loop (${options.concurrency} in flight, SDK retries)`,
      rows: options.rows,
      ok: raw.ok,
      failed: raw.failed,
      ms: raw.wallMs,
      cliMs: null,
      finishedAt: raw.finishedAt,
      ...mockCounts(mock),
    });
    console.log(`  done: ${describeLimit(setup)}, plain SDK loop`);
  }
  // A deployment per setup: limits learned in one setup must not carry over to the next.
  const deployment = await startDistributed({
    providerUrl: mock.url,
    workers: options.workers,
    redisUrl: options.redisUrl,
  });
  try {
    fresh();
    const outcome = await runCliBatch(deployment, taskRows(`s${index}`, options.rows, options.maxTokens));
    rows.push({
      setup,
      runner: `gtr distributed (api + ${options.workers} workers), limits learned`,
      rows: options.rows,
      ok: outcome.ok,
      failed: outcome.failed,
      ms: outcome.engineMs ?? outcome.wallMs,
      cliMs: outcome.wallMs,
      finishedAt: outcome.finishedAt,
      ...mockCounts(mock),
    });
    console.log(`  done: ${describeLimit(setup)}, gtr`);
  } finally {
    await deployment.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  const options = parseRateLimitE2eOptions(process.argv.slice(2));
  const tokensPerRow = meanTokensPerRow(taskRows('s0', options.rows, options.maxTokens), options.maxTokens);
  console.log(
    `rate limits end to end: ${options.rows} rows per setup, mock latency ${options.latencyMs} ms (fixed), limits enforced per second (limitWindow 'second'), max_tokens ${options.maxTokens} (~${tokensPerRow.toFixed(0)} tokens charged per row); gtr: no GTR_RATE_LIMITS`,
  );
  const mock = await startMockLlm({
    latencyMs: options.latencyMs,
    jitterMs: 0,
    limitWindow: 'second',
    seed: 7,
  });
  const rows: E2eRow[] = [];
  try {
    const setups = limitSetups(options, tokensPerRow);
    for (const [index, setup] of setups.entries())
      rows.push(...(await runSetup(setup, index, options, mock)));
  } finally {
    await mock.close();
  }
  console.log(`\n${formatE2eTable(rows, tokensPerRow)}`);
  console.log(
    [
      '',
      'rate / limit: the binding unit (requests, or tokens as the mock charges them) per second over the limit; time: plain loop first request to last answer, gtr batch createdAt -> finishedAt (cli time: `gtr run` start to results written)',
      'steady: the same between the first and the last answer (without queueing, learning the limits and the last latency)',
      '429 share: 429 answers / all answers of the mock; sent twice: prompts the mock received more than once (a retry after a 429 counts); answered twice: prompts the mock answered 200 more than once (work paid twice); failed: rows without an answer',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
