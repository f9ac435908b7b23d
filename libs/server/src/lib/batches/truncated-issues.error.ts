import { type ErrorCode, type FieldIssue, GtrError } from '@gtr/domain';

/** A domain error whose issues are the first of many: the body also says how many more there were. */
export class TruncatedIssuesError extends GtrError {
  constructor(
    code: ErrorCode,
    message: string,
    issues: FieldIssue[],
    readonly moreIssues: number,
  ) {
    super(code, message, issues);
  }
}
