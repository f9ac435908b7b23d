import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type BatchView } from '@gtr/domain';
import { type GtrDeployment } from './gtr-deployment';
import { runGtr } from '@gtr/testing/system';
import { type TaskRow, writeTaskFile } from './task-file';

/** What one `gtr run -i tasks.jsonl -o results.jsonl` measured. */
export interface CliBatchOutcome {
  batchId: string;
  /** From starting the CLI to its exit (the results file written). */
  wallMs: number;
  /** The batch's own `createdAt` → `finishedAt` (upload and result download not included). */
  engineMs: number | null;
  /** Result lines with `success` true / false. */
  ok: number;
  failed: number;
  /** Provider calls made, summed over the rows (more than the rows: retries). */
  attempts: number;
  /** `timings.finishedAt` of the rows that succeeded, epoch ms, ascending. */
  finishedAt: number[];
  exitCode: number | null;
}

async function countResults(
  path: string,
): Promise<Pick<CliBatchOutcome, 'ok' | 'failed' | 'attempts' | 'finishedAt'>> {
  const counts = { ok: 0, failed: 0, attempts: 0, finishedAt: [] as number[] };
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (!line) continue;
    const result = JSON.parse(line) as {
      success: boolean;
      attempts: number;
      timings: { finishedAt: string | null };
    };
    if (result.success) {
      counts.ok += 1;
      if (result.timings.finishedAt) counts.finishedAt.push(Date.parse(result.timings.finishedAt));
    } else counts.failed += 1;
    counts.attempts += result.attempts;
  }
  counts.finishedAt.sort((a, b) => a - b);
  return counts;
}

async function engineMsOf(deployment: GtrDeployment, batchId: string): Promise<number | null> {
  const res = await fetch(`${deployment.apiUrl}/v1/batches/${batchId}`, {
    headers: { Authorization: `Bearer ${deployment.adminKey}` },
  });
  if (!res.ok) return null;
  const batch = (await res.json()) as BatchView;
  return batch.finishedAt ? Date.parse(batch.finishedAt) - Date.parse(batch.createdAt) : null;
}

/**
 * Writes `rows` to a task file and runs it through the real CLI, `gtr run -i tasks.jsonl -o
 * results.jsonl` plus `extraArgs`, timed from the CLI's start to its exit. Throws with the CLI's
 * output when it submitted no batch or wrote no results (rows that failed are counted, not thrown).
 */
export async function runCliBatch(
  deployment: GtrDeployment,
  rows: readonly TaskRow[],
  extraArgs: readonly string[] = [],
): Promise<CliBatchOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'gtr-bench-batch-'));
  try {
    const tasks = join(dir, 'tasks.jsonl');
    const results = join(dir, 'results.jsonl');
    await writeTaskFile(tasks, rows);
    const startedAt = performance.now();
    const cli = await runGtr(['run', '-i', tasks, '-o', results, ...extraArgs], deployment.cliEnv);
    const wallMs = performance.now() - startedAt;
    if (cli.stderr.includes("unknown option '--concurrency'"))
      throw new Error(
        'this gtr CLI has no --concurrency flag yet: rebuild it (npx nx run cli:build) or rerun with --no-cap',
      );
    const batchId = /Batch (\S+):/.exec(cli.stderr)?.[1];
    if (!batchId || !existsSync(results)) {
      throw new Error(
        `gtr run -i ${tasks} -o ${results} ${extraArgs.join(' ')} exited ${cli.status}\n${cli.stdout}${cli.stderr}`,
      );
    }
    return {
      batchId,
      wallMs,
      engineMs: await engineMsOf(deployment, batchId),
      ...(await countResults(results)),
      exitCode: cli.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
