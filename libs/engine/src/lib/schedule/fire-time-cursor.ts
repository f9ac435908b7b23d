/** Yields fire times strictly after a date, in order; `next()` gives null when there are no more. */
export interface FireTimeCursor {
  next(): Date | null;
}
