/** ANSI styling, applied only when the stream is a terminal. */
export function dim(text: string, enabled: boolean): string {
  return enabled ? `\x1b[2m${text}\x1b[22m` : text;
}
