/** Link to a paged list (`/batches`, `/batches/:id`) at `cursor`, or its first page. */
export function pagedHref(path: string, cursor?: string | null): string {
  return cursor ? `${path}?${new URLSearchParams({ cursor }).toString()}` : path;
}
