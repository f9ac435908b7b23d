import { topSelfTime } from './cpu-profile-summary';
import { formatTable, percent } from './format-table';

/** The node flags that make a process write a CPU profile into `dir` when it exits. */
export function cpuProfArgs(dir: string): string[] {
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/** Prints the functions with the most self time across the profiles in `dir`. */
export function printTopSelfTime(dir: string, title: string, count = 25): void {
  const top = topSelfTime(dir, count);
  console.log(
    `\n${title} top self time (${dir}):\n${formatTable(
      ['function', 'self ms', 'share'],
      top.map((t) => [t.fn, t.ms.toFixed(0), percent(t.share)]),
    )}`,
  );
}
