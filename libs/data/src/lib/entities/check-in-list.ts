/** The SQL of a CHECK constraint that limits `column` to `values`. */
export function checkInList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
