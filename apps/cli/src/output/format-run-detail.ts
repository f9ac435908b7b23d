import { type RunDetailView } from '@gtr/domain';
import { formatFields } from './format-fields';
import { formatTable } from './format-table';
import { outputText } from './output-text';
import { formatCost, formatDuration, formatTokens, formatUtc } from './format-values';

/** The `gtr runs get` view: fields, attempts, then the output. */
export function formatRunDetail(run: RunDetailView): string {
  const fields: [string, string][] = [
    ['ID', run.id],
    ['Status', run.status],
    ['Model', `${run.model} (${run.provider})`],
    ['Created', formatUtc(run.createdAt)],
    ['Started', formatUtc(run.startedAt)],
    ['Finished', formatUtc(run.finishedAt)],
    ['Duration', formatDuration(run.durationMs)],
    ['Tokens', run.usage ? formatTokens(run.usage) : '-'],
    ['Cost', run.costUsd === null ? '-' : formatCost(run.costUsd)],
  ];
  if (run.cached) fields.push(['Cache', 'answered from the response cache (no provider call)']);
  if (run.finishReason) fields.push(['Finish', run.finishReason]);
  if (run.error) fields.push(['Error', `${run.error.code}: ${run.error.message}`]);
  if (run.batchId) fields.push(['Batch', run.batchId]);
  if (run.taskId) fields.push(['Task', `${run.taskId} v${run.taskVersion ?? '?'}`]);
  if (run.idempotencyKey) fields.push(['Idempotency', run.idempotencyKey]);
  if (Object.keys(run.metadata).length > 0) fields.push(['Metadata', JSON.stringify(run.metadata)]);

  const sections = [formatFields(fields)];
  if (run.attempts.length > 0) {
    sections.push(
      formatTable(
        ['ATTEMPT', 'STARTED', 'LATENCY', 'HTTP', 'RATE-LIMIT WAIT', 'ERROR'],
        run.attempts.map((a) => [
          `#${a.number}`,
          formatUtc(a.startedAt),
          formatDuration(a.latencyMs),
          a.httpStatus === null ? '-' : String(a.httpStatus),
          a.rateLimitWaitMs > 0 ? formatDuration(a.rateLimitWaitMs) : '-',
          a.errorCode ? `${a.errorCode}${a.errorMessage ? `: ${a.errorMessage}` : ''}` : '-',
        ]),
      ),
    );
  }
  const output = outputText(run);
  if (output) sections.push(output.endsWith('\n') ? output : `${output}\n`);
  return sections.join('\n');
}
