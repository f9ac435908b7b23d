/** A plain-text table: a header row and left-aligned columns as wide as their widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** `share` (0.953) as `95.3 %`. */
export const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)} %`;

/** `ok` as a pass mark next to a number that has a target. */
export const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
