import { type FieldIssue } from '@gtr/domain';
import { type IssueKind, type RowIssue } from './row-issue';
import { type TaskFileIssueCode } from './task-file-report';

/** Keeps the first `max` issues, counts the rest, and remembers which kinds there were. */
export class IssueCollector {
  readonly issues: FieldIssue[] = [];
  more = 0;
  private readonly kinds = new Set<IssueKind>();

  constructor(private readonly max: number) {}

  add(issues: readonly RowIssue[]): void {
    for (const { kind, ...issue } of issues) {
      this.kinds.add(kind);
      if (this.issues.length < this.max) this.issues.push(issue);
      else this.more++;
    }
  }

  /** The validation code the issues add up to; null when there are none. */
  code(): TaskFileIssueCode | null {
    if (this.kinds.size === 0) return null;
    if (this.kinds.size > 1) return 'E_VALIDATION';
    const [kind] = this.kinds;
    return kind === 'missing'
      ? 'E_VALIDATION_MISSING_FIELD'
      : kind === 'type'
        ? 'E_VALIDATION_TYPE'
        : 'E_VALIDATION';
  }
}
