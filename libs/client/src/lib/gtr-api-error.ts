import { GtrError, type ErrorCode, type FieldIssue } from '@gtr/domain';

/**
 * The API answered with an error status. `code`, `message`, `issues` and `action` come from the
 * error body (`{ error: { code, message, action, issues } }`); `status` is the HTTP status.
 */
export class GtrApiError extends GtrError {
  constructor(
    /** HTTP status of the response. */
    readonly status: number,
    code: ErrorCode,
    message: string,
    issues: FieldIssue[],
    /** What the caller can do about it, as the API suggests. */
    readonly action: string,
  ) {
    super(code, message, issues);
    this.name = 'GtrApiError';
  }
}
