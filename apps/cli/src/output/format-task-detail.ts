import { type TaskView } from '@gtr/domain';
import { formatFields } from './format-fields';
import { formatMessages } from './format-messages';
import { formatDuration, formatUtc } from './format-values';

const DEFAULT = 'default';

/** The `gtr tasks get` view: the version's settings, then its messages template. */
export function formatTaskDetail(task: TaskView): string {
  const retry = task.retryPolicy;
  const retryText = [
    retry.maxAttempts !== undefined && `${retry.maxAttempts} attempts`,
    retry.baseDelayMs !== undefined && `base delay ${formatDuration(retry.baseDelayMs)}`,
    retry.maxDelayMs !== undefined && `max delay ${formatDuration(retry.maxDelayMs)}`,
  ].filter(Boolean);
  const fields: [string, string][] = [
    ['Name', task.name],
    [
      'Version',
      task.version === task.latestVersion
        ? `${task.version} (latest)`
        : `${task.version} (latest is ${task.latestVersion})`,
    ],
    ['Description', task.description ?? '-'],
    ['Provider', task.provider ?? DEFAULT],
    ['Model', task.model ?? DEFAULT],
    ['Params', Object.keys(task.params).length ? JSON.stringify(task.params) : DEFAULT],
    ['Output', task.outputSchema ? `JSON Schema ${JSON.stringify(task.outputSchema)}` : 'text'],
    ['Retry', retryText.length ? retryText.join(', ') : DEFAULT],
    ['Timeout', task.timeoutMs === null ? DEFAULT : formatDuration(task.timeoutMs)],
    ['Tags', task.tags.length ? task.tags.join(', ') : '-'],
    ['Variables', task.variables.length ? task.variables.join(', ') : '-'],
    ['Created', formatUtc(task.createdAt)],
    ['Version of', formatUtc(task.versionCreatedAt)],
    ['ID', task.id],
  ];
  return `${formatFields(fields)}\n${formatMessages(task.messages)}`;
}
