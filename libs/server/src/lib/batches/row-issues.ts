import { type FieldIssue } from '@gtr/domain';

/** Issues of invalid rows: the first `limit` kept, the rest counted, and the rows counted. */
export class RowIssues {
  readonly issues: FieldIssue[] = [];
  more = 0;
  rows = 0;

  constructor(private readonly limit = 100) {}

  addRow(issues: readonly FieldIssue[]): void {
    this.rows++;
    for (const issue of issues) {
      if (this.issues.length < this.limit) this.issues.push(issue);
      else this.more++;
    }
  }
}
