/** The first block of a UUID: enough to tell runs apart in a table, full id on hover. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
