import { type ScheduleTarget } from '@gtr/domain';

/** A target in a few words: `task greet@2 {"name":"Ada"}`, `prompt "Summarise…"`, `batch rows.csv`. */
export function formatScheduleTarget(target: ScheduleTarget, width = 40): string {
  switch (target.type) {
    case 'task': {
      const input = Object.keys(target.input).length > 0 ? ` ${JSON.stringify(target.input)}` : '';
      return clip(
        `task ${target.task}${target.version === undefined ? '' : `@${target.version}`}${input}`,
        width,
      );
    }
    case 'prompt': {
      const text = target.prompt ?? target.messages?.map((m) => m.content).join(' / ') ?? '';
      return clip(`prompt "${text.replace(/\s+/g, ' ')}"`, width);
    }
    case 'batch':
      return clip(`batch ${target.file}`, width);
  }
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
