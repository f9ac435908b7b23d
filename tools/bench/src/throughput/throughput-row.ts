import { formatTable, mark } from '../support/format-table';

/** One measured run of `bench:throughput`. */
export interface ThroughputRow {
  latencyMs: number;
  runner: string;
  ok: number;
  failed: number;
  /** Raw loop: first request to last answer; gtr: CLI start to results written. */
  wallMs: number;
  /** gtr only: the batch's createdAt → finishedAt. */
  engineMs: number | null;
  /** The mock's in-flight high-water mark during the run. */
  maxInFlight: number;
  /** Prompts the mock received more than once. */
  duplicates: number;
}

/** The targets: gtr over the raw loop, per mock latency. */
const TARGET_RATIO: Record<number, number> = { 200: 0.95, 50: 0.8 };

const perSecond = (count: number, ms: number | null) => (ms && ms > 0 ? (count / ms) * 1000 : 0);

/** The table: one line per run, gtr's ratios against the raw loop at the same latency. */
export function formatThroughputTable(rows: readonly ThroughputRow[], cap: number): string {
  const header = [
    'latency',
    'runner',
    'ok',
    'failed',
    'time s',
    'req/s',
    'vs raw',
    'target',
    'met',
    'engine req/s',
    'max in flight',
    `<= ${cap}`,
    'dup prompts',
  ];
  const cells = rows.map((row) => {
    const raw = rows.find((r) => r.latencyMs === row.latencyMs && r.engineMs === null);
    const rate = perSecond(row.ok, row.wallMs);
    const isRaw = row === raw;
    const ratio = raw ? rate / perSecond(raw.ok, raw.wallMs) : null;
    const target = TARGET_RATIO[row.latencyMs];
    return [
      `${row.latencyMs} ms`,
      row.runner,
      String(row.ok),
      String(row.failed),
      (row.wallMs / 1000).toFixed(1),
      rate.toFixed(1),
      isRaw || ratio === null ? '' : `${ratio.toFixed(2)}x`,
      isRaw || target === undefined ? '' : `>= ${target}x`,
      isRaw || target === undefined || ratio === null ? '' : mark(ratio >= target),
      row.engineMs === null ? '' : perSecond(row.ok, row.engineMs).toFixed(1),
      String(row.maxInFlight),
      mark(row.maxInFlight <= cap),
      String(row.duplicates),
    ];
  });
  return formatTable(header, cells);
}
