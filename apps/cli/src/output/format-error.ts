import { errorInfo, GtrError, type ErrorCode, type FieldIssue } from '@gtr/domain';

/** What an error line needs; a `GtrError`, a client error, or a failed run's `error`. */
export interface PrintableError {
  code: ErrorCode;
  message: string;
  issues?: readonly FieldIssue[];
  /** Overrides the taxonomy's suggested action. */
  action?: string;
}

/**
 * ```
 * error E_VALIDATION: Invalid request: temperature Too big: expected number to be <=2
 *   - temperature: Too big: expected number to be <=2
 * hint: Fix the fields named in the error.
 * ```
 * Every occurrence of a secret is replaced by `***`.
 */
export function formatError(
  error: PrintableError,
  secrets: readonly string[] = [],
  extraHints: readonly string[] = [],
): string {
  const action = error.action || errorInfo(error.code).action;
  const lines = [`error ${error.code}: ${error.message}`];
  for (const issue of error.issues ?? []) {
    lines.push(`  - ${issue.field}${issue.row === undefined ? '' : ` (row ${issue.row})`}: ${issue.message}`);
  }
  // A message that already says what to do (e.g. E_NETWORK) does not need it twice.
  if (!error.message.includes(action)) lines.push(`hint: ${action}`);
  for (const hint of extraHints) lines.push(`hint: ${hint}`);
  let text = lines.join('\n') + '\n';
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  return text;
}

/** Any thrown value as something `formatError` prints; unknown values are internal errors. */
export function toPrintableError(error: unknown): PrintableError {
  if (error instanceof GtrError) {
    const action = (error as { action?: unknown }).action;
    return {
      code: error.code,
      message: error.message,
      issues: error.issues,
      action: typeof action === 'string' ? action : undefined,
    };
  }
  const message = (error as { message?: unknown } | null)?.message;
  return { code: 'E_INTERNAL', message: typeof message === 'string' && message ? message : String(error) };
}
