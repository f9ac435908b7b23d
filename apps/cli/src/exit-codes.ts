import { errorInfo, GtrError, type RunView } from '@gtr/domain';

/**
 * Every exit code of `gtr`, in one place. Apart from 0 and 130 they all come from the error
 * taxonomy (`errorInfo(code).exitCode`), so a script sees the same number for the same cause
 * whether the API rejected the request, the run failed, or a flag was wrong.
 */
export const EXIT_OK = 0;

/** Ctrl+C: the conventional 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** Exit code of a finished command that ends with `error`. */
export function exitCodeOfError(error: unknown): number {
  if (error instanceof GtrError) return errorInfo(error.code).exitCode;
  if (isAbortError(error)) return EXIT_INTERRUPTED;
  return errorInfo('E_INTERNAL').exitCode;
}

/** Exit code of a command that waited for `run`: 0 when it succeeded, else its error's code. */
export function exitCodeOfRun(run: Pick<RunView, 'status' | 'error'>): number {
  switch (run.status) {
    case 'succeeded':
      return EXIT_OK;
    case 'cancelled':
      return errorInfo('E_CANCELLED').exitCode;
    case 'failed':
      return errorInfo(run.error?.code ?? 'E_UNKNOWN').exitCode;
    default:
      // Only terminal runs are waited for; anything else means the answer is not known.
      return errorInfo('E_UNKNOWN').exitCode;
  }
}

/** Taxonomy code of a command-line parse error (`CommanderError.code`). */
export function codeOfUsageError(
  commanderCode: string,
): 'E_VALIDATION' | 'E_VALIDATION_MISSING_FIELD' | 'E_VALIDATION_TYPE' {
  switch (commanderCode) {
    case 'commander.missingMandatoryOptionValue':
    case 'commander.optionMissingArgument':
    case 'commander.missingArgument':
      return 'E_VALIDATION_MISSING_FIELD';
    case 'commander.invalidArgument':
      return 'E_VALIDATION_TYPE';
    default:
      return 'E_VALIDATION';
  }
}

export function isAbortError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError';
}
