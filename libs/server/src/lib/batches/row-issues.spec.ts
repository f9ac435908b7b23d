import { RowIssues } from './row-issues';

describe('RowIssues', () => {
  it('keeps the first issues up to the limit, counts the rest and the rows', () => {
    const issues = new RowIssues(2);
    issues.addRow([{ row: 1, field: 'a', message: 'x' }]);
    issues.addRow([
      { row: 2, field: 'b', message: 'y' },
      { row: 2, field: 'c', message: 'z' },
    ]);
    expect(issues.issues.map((issue) => issue.field)).toEqual(['a', 'b']);
    expect(issues.more).toBe(1);
    expect(issues.rows).toBe(2);
  });
});
