import { type ErrorCode, errorInfo } from './error-codes';

/** One problem with one field of a request or a row of a file. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `messages.0.content` or `temperature`. */
  field: string;
  message: string;
  /** 1-based row of a file, when the issue comes from a file. */
  row?: number;
}

/**
 * A domain error: a taxonomy code plus details. Services throw it; the API maps it to
 * HTTP in one place, the CLI to an exit code.
 */
export class GtrError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message ?? errorInfo(code).message);
    this.name = 'GtrError';
  }

  get retryable(): boolean {
    return errorInfo(this.code).retryable;
  }
}

/** The JSON body of every API error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    action: string;
    issues?: FieldIssue[];
  };
}

export function toErrorBody(error: GtrError): ErrorBody {
  const info = errorInfo(error.code);
  return {
    error: {
      code: error.code,
      message: error.message,
      action: info.action,
      ...(error.issues.length ? { issues: error.issues } : {}),
    },
  };
}
