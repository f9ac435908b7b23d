import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** One row of a generated JSONL task file. */
export interface TaskRow {
  id: string;
  prompt: string;
  max_tokens?: number;
}

/** `count` rows with distinct prompts `Say <tag>r<i> done` (short answers from mock-llm). */
export function taskRows(tag: string, count: number, maxTokens?: number): TaskRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${tag}-${i}`,
    prompt: `Say ${tag}r${i} done`,
    ...(maxTokens !== undefined && { max_tokens: maxTokens }),
  }));
}

/** Writes `rows` as a JSONL task file. */
export async function writeTaskFile(path: string, rows: readonly TaskRow[]): Promise<void> {
  const out = createWriteStream(path);
  for (const row of rows) if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}
