import { type ScheduleTarget } from '@gtr/domain';

/** A target in a few words: `task greet@2 {"name":"Ada"}`, `prompt "Summarise…"`, `batch 1f0c2a52 greet`. */
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
    case 'batch': {
      const task = target.task
        ? ` ${target.task}${target.version === undefined ? '' : `@${target.version}`}`
        : '';
      return clip(`batch ${target.taskFile.slice(0, 8)}${task}`, width);
    }
  }
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
