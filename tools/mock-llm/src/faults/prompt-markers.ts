import { MARKER_FAULTS, type FaultKind } from './fault-kind';

/** A `[[fail:…]]` marker found in a prompt. */
export interface PromptMarker {
  fault: FaultKind;
  /** How many times the same prompt fails before it succeeds; `null` = always. */
  times: number | null;
}

const MARKER = /\[\[fail:(?:(once|\d+x):)?([a-z0-9]+)\]\]/gi;

/**
 * Finds the first valid marker in `text`: `[[fail:KIND]]` fails every time,
 * `[[fail:once:KIND]]` the first time the exact prompt is seen and `[[fail:3x:KIND]]`
 * the first three times. Unknown kinds are ignored.
 */
export function findPromptMarker(text: string): PromptMarker | null {
  for (const match of text.matchAll(MARKER)) {
    const fault = MARKER_FAULTS[match[2].toLowerCase()];
    if (!fault) continue;
    const repeat = match[1]?.toLowerCase();
    const times = repeat === undefined ? null : repeat === 'once' ? 1 : Number.parseInt(repeat, 10);
    return { fault, times };
  }
  return null;
}

/** Removes every marker so the deterministic answer does not echo it. */
export function stripPromptMarkers(text: string): string {
  return text
    .replace(MARKER, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
