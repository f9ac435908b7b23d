import { DEFAULT_RATE_LIMIT_POLICY } from '@gtr/engine';
import { type BenchOptions } from './bench-options';
import { WORKER_PROCESSES } from './run-scenario';
import { type ScenarioOutcome, summarize } from './scenario-outcome';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The header line: what the runs have in common. */
export function describeSetup(options: BenchOptions): string {
  return [
    `rate limiter vs mock-llm (limits enforced per second), ${WORKER_PROCESSES} worker processes × ${options.concurrency} in flight, Redis ${options.redisUrl}`,
    `latency ${options.latencyMs} ± ${Math.round(options.latencyMs / 3)} ms, max_tokens ${options.maxTokens}; limiter policy: headroom ${percent(DEFAULT_RATE_LIMIT_POLICY.headroom)}, quantum ${DEFAULT_RATE_LIMIT_POLICY.quantumMs} ms, jitter allowance ${options.jitterMs} ms`,
  ].join('\n');
}

/** One row per scenario. */
export function formatTable(outcomes: readonly ScenarioOutcome[]): string {
  const header = [
    'binding limit',
    'limits',
    'requests',
    'failed',
    '429s',
    '429 share',
    'time s',
    'throughput',
    'steady',
    'mean wait ms',
  ];
  const rows = outcomes.map((outcome) => {
    const { scenario } = outcome;
    const summary = summarize(outcome);
    return [
      scenario.binding === 'requests' ? `${scenario.rpm} RPM` : `${scenario.tpm} TPM`,
      scenario.driver === 'raw' ? 'none (plain SDK)' : scenario.driver,
      String(scenario.requests),
      String(outcome.failed),
      String(outcome.answered.rateLimited),
      percent(summary.rateLimitedShare),
      (outcome.wallMs / 1000).toFixed(1),
      percent(summary.throughputShare),
      percent(summary.steadyShare),
      summary.meanLimiterWaitMs.toFixed(0),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
