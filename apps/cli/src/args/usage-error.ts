import { GtrError, type ErrorCode } from '@gtr/domain';

/** A bad command line: a validation code (exit 30-32) and a pointer to the command's help. */
export class UsageError extends GtrError {
  readonly action = 'See `gtr <command> --help` for the flags.';

  constructor(
    code: Extract<ErrorCode, 'E_VALIDATION' | 'E_VALIDATION_MISSING_FIELD' | 'E_VALIDATION_TYPE'>,
    message: string,
  ) {
    super(code, message);
    this.name = 'UsageError';
  }
}
