import { type RunView } from '@gtr/domain';

/** A run's answer as text: the text output, else its JSON output pretty-printed; null when none. */
export function outputText(run: Pick<RunView, 'output'>): string | null {
  if (!run.output) return null;
  if (run.output.text !== null) return run.output.text;
  return run.output.json === null || run.output.json === undefined
    ? null
    : JSON.stringify(run.output.json, null, 2);
}
