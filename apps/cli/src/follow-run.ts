import { errorInfo, type RunDetailView } from '@gtr/domain';
import { type CliContext } from './cli-context';
import { EXIT_INTERRUPTED, exitCodeOfRun, isAbortError } from './exit-codes';
import { formatError, type PrintableError } from './output/format-error';
import { formatProgress } from './output/format-progress';
import { formatSummary } from './output/format-summary';
import { shortId } from './output/format-values';
import { outputText } from './output/output-text';
import { StatusLine } from './output/status-line';

/** How `followRun` prints the outcome. */
export interface FollowRunOptions {
  /** Print the finished run as JSON on stdout instead of its answer. */
  json: boolean;
  /** What to print instead of the run with `json` (the run wrapped in a larger result, say). */
  jsonOf?: (run: RunDetailView) => unknown;
}

/**
 * Waits for a run and prints its outcome: with `json`, the run as JSON on stdout; otherwise
 * the answer on stdout and a summary (plus the error, if it failed) on stderr. Returns the
 * exit code the run's outcome maps to. Ctrl+C stops waiting, not the run.
 */
export async function followRun(ctx: CliContext, id: string, options: FollowRunOptions): Promise<number> {
  const client = ctx.client();
  const status = new StatusLine(ctx.stderr);
  status.start(`${shortId(id)} waiting`);
  let run: RunDetailView;
  try {
    run = await client.waitForRun(id, {
      signal: ctx.signal,
      onUpdate: (r) => status.update(formatProgress(r)),
    });
  } catch (error) {
    status.stop();
    if (!isAbortError(error) && !ctx.signal?.aborted) throw error;
    ctx.note(`Stopped waiting; the run goes on. Follow it with: gtr runs watch ${id}`);
    return EXIT_INTERRUPTED;
  }
  status.stop();
  printOutcome(ctx, run, options);
  return exitCodeOfRun(run);
}

function printOutcome(ctx: CliContext, run: RunDetailView, { json, jsonOf }: FollowRunOptions): void {
  if (json) {
    ctx.json(jsonOf ? jsonOf(run) : run);
    return;
  }
  if (run.status === 'succeeded') {
    const output = outputText(run);
    if (output) ctx.out(output);
  } else {
    ctx.err(formatError(errorOf(run), ctx.secrets()));
  }
  ctx.note(formatSummary(run));
}

function errorOf(run: RunDetailView): PrintableError {
  if (run.error) return run.error;
  if (run.status === 'cancelled') return { code: 'E_CANCELLED', message: errorInfo('E_CANCELLED').message };
  return { code: 'E_UNKNOWN', message: `The run ended ${run.status} without an error.` };
}
