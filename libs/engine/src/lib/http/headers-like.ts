/**
 * Response headers as either a fetch `Headers` object or a plain record (as Node's `http`
 * module and most test doubles give them). Names are matched case-insensitively.
 */
export type HeadersLike =
  Headers | Readonly<Record<string, string | readonly string[] | number | null | undefined>>;

/** The value of header `name`, or null when it is absent or empty. Repeated values are joined with `, `. */
export function headerValue(headers: HeadersLike | null | undefined, name: string): string | null {
  if (!headers) return null;
  const wanted = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function') {
    return nonEmpty((headers as Headers).get(wanted));
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === null || value === undefined) continue;
    return nonEmpty(Array.isArray(value) ? value.join(', ') : String(value));
  }
  return null;
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
