/** `value` cut into pieces of `size` (the last may be shorter). */
export function chunked<T extends string | Uint8Array>(value: T, size: number): T[] {
  const pieces: T[] = [];
  for (let at = 0; at < value.length; at += size) pieces.push(value.slice(at, at + size) as T);
  return pieces;
}

/** An async iterable over `items`, one tick per item, like a stream. */
export async function* asyncOf<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

/** Everything an async iterable yields. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The error a promise (or function) rejects with; fails when it does not. */
export async function failure(
  run: Promise<unknown> | (() => unknown),
): Promise<Error & { code?: string; issues?: unknown[] }> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a failure');
}
