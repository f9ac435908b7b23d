import { type BatchRowResult } from './batch-row-result';

/**
 * One line of a JSONL results file (ending with `\n`): `id`, `success`, `response`
 * (`{ text, json }`), `error`, `errorCode`, `usage`, `cost`, `timings`, `attempts`, `metadata`.
 * Absent values are `null`, so every line has every field.
 */
export function formatResultJsonl(result: BatchRowResult): string {
  return `${JSON.stringify({
    id: result.id,
    success: result.success,
    response: result.response ? { text: result.response.text, json: result.response.json ?? null } : null,
    error: result.error,
    errorCode: result.errorCode,
    usage: result.usage,
    cost: result.cost,
    timings: result.timings,
    attempts: result.attempts,
    metadata: result.metadata,
  })}\n`;
}
