import { type BatchRowResult } from './batch-row-result';
import { formatCsvRecord } from './csv-format';

/** The columns of a CSV results file, as earlier GPT task runners wrote them (plus `Error Code`). */
export const RESULT_CSV_COLUMNS = [
  'ID',
  'Success',
  'Response',
  'Error',
  'Error Code',
  'Prompt Tokens',
  'Completion Tokens',
  'Total Tokens',
  'Cost',
  'Timestamp',
  'Prompt',
  'Model',
  'Temperature',
  'Max Tokens',
] as const;

/** The header record of a CSV results file, ending with CRLF. */
export const RESULT_CSV_HEADER = formatCsvRecord(RESULT_CSV_COLUMNS);

/**
 * One record of a CSV results file (RFC 4180, ending with CRLF), in `RESULT_CSV_COLUMNS`
 * order. `Success` is `true`/`false`; `Response` is the answer's text, else its JSON;
 * `Timestamp` is when the run finished (else when it was created). Unknown numbers (no usage,
 * no price, a parameter not set) are empty cells, never a made-up 0; a 0 that was set stays 0.
 */
export function formatResultCsv(result: BatchRowResult): string {
  const usage = result.usage;
  const response = result.response;
  return formatCsvRecord([
    result.id,
    String(result.success),
    response?.text ??
      (response?.json === undefined || response.json === null ? '' : JSON.stringify(response.json)),
    result.error ?? '',
    result.errorCode ?? '',
    usage ? String(usage.promptTokens) : '',
    usage ? String(usage.completionTokens) : '',
    usage ? String(usage.totalTokens) : '',
    result.cost === null ? '' : formatCost(result.cost),
    result.timings.finishedAt ?? result.timings.createdAt,
    result.prompt,
    result.model ?? '',
    result.params.temperature === undefined ? '' : String(result.params.temperature),
    result.params.maxTokens === undefined ? '' : String(result.params.maxTokens),
  ]);
}

/** Plain decimal notation (spreadsheets and scripts read it alike), never `1e-7`. */
function formatCost(cost: number): string {
  return cost.toFixed(10).replace(/\.?0+$/, '');
}
