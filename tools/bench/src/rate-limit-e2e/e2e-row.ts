import { formatTable, mark, percent } from '../support/format-table';
import { describeLimit, type LimitSetup } from './limit-setup';

/** One measured run of `bench:rate-limit-e2e`. */
export interface E2eRow {
  setup: LimitSetup;
  runner: string;
  rows: number;
  ok: number;
  failed: number;
  /** The time the rate is measured over: raw loop first request to last answer; gtr batch createdAt → finishedAt. */
  ms: number;
  /** gtr only: `gtr run` start to exit. */
  cliMs: number | null;
  /** When the answered rows finished, ascending (epoch ms). */
  finishedAt: number[];
  /** Chat completions the mock answered, and those answered 429. */
  answered: number;
  rateLimited: number;
  /** Prompts the mock received more than once (a retry after a 429 counts). */
  duplicates: number;
  /** Prompts the mock answered (200) more than once: work done twice. */
  answeredTwice: number;
}

/** The targets. */
const TARGETS = { share: 0.95, rateLimited: 0.01 };

/** `answered` rows' binding units (1 request, or a row's tokens as the mock charges them) over `ms`, as a share of the limit. */
function shareOfLimit(row: E2eRow, answered: number, ms: number, tokensPerRow: number): number {
  const { setup } = row;
  const perMinute = setup.binding === 'requests' ? setup.rpm : (setup.tpm ?? 0);
  const units = setup.binding === 'requests' ? answered : answered * tokensPerRow;
  return ms > 0 ? units / (ms / 60_000) / perMinute : 0;
}

/** Between the first and the last answer: without the start (queueing, learning) and the last latency. */
function steadyShare(row: E2eRow, tokensPerRow: number): number {
  const times = row.finishedAt;
  if (times.length < 2) return 0;
  // The first answer's units were admitted before the span began.
  return shareOfLimit(row, times.length - 1, times[times.length - 1] - times[0], tokensPerRow);
}

export function formatE2eTable(rows: readonly E2eRow[], tokensPerRow: number): string {
  const header = [
    'mock limit',
    'runner',
    'rows',
    'ok',
    'failed',
    'time s',
    'rate / limit',
    '>= 95 %',
    'steady',
    '429 share',
    '<= 1 %',
    'sent twice',
    'answered twice',
    'cli time s',
  ];
  const cells = rows.map((row) => {
    const share = shareOfLimit(row, row.ok, row.ms, tokensPerRow);
    const rateLimited = row.answered > 0 ? row.rateLimited / row.answered : 0;
    return [
      describeLimit(row.setup),
      row.runner,
      String(row.rows),
      String(row.ok),
      String(row.failed),
      (row.ms / 1000).toFixed(1),
      percent(share),
      mark(share >= TARGETS.share),
      percent(steadyShare(row, tokensPerRow)),
      `${percent(rateLimited, 2)} (${row.rateLimited})`,
      mark(rateLimited <= TARGETS.rateLimited),
      String(row.duplicates),
      String(row.answeredTwice),
      row.cliMs === null ? '' : (row.cliMs / 1000).toFixed(1),
    ];
  });
  return formatTable(header, cells);
}
