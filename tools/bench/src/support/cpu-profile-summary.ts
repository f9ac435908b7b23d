import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '@gtr/testing/system';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) a summary needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** A function's self time over every profile read. */
export interface SelfTime {
  fn: string;
  ms: number;
  share: number;
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.startsWith('file://')
    ? relative(ROOT, frame.url.slice('file://'.length))
    : frame.url;
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

/**
 * The functions with the most self time (time on top of the stack) across every `.cpuprofile`
 * in `dir`, most first; `(idle)`, `(program)` and `(garbage collector)` are V8's own entries.
 */
export function topSelfTime(dir: string, count: number): SelfTime[] {
  const byFrame = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]));
    profile.samples.forEach((id, i) => {
      const name = names.get(id) ?? '?';
      if (name === '(idle)') return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      byFrame.set(name, (byFrame.get(name) ?? 0) + ms);
      total += ms;
    });
  }
  return [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, ms]) => ({ fn, ms, share: total > 0 ? ms / total : 0 }));
}
