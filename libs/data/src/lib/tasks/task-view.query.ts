import { type RunParams, type TaskRetryPolicy, type TaskView, variablesOf } from '@gtr/domain';
import { type Row } from '../sql/query-rows';

/**
 * The columns of a task version joined with its task (`tasks t JOIN task_versions v`), as
 * `toTaskView` reads them. Both tables have `id`, `created_at`, `description` and `tags`: the
 * version's description and tags are the ones shown.
 */
export const TASK_VIEW_COLUMNS = `
  t.id, t.name, t.latest_version, t.created_at AS task_created_at,
  v.version, v.description, v.tags, v.provider, v.model, v.messages, v.params, v.output_schema,
  v.retry_policy, v.timeout_ms, v.created_at AS version_created_at`;

/** Maps a row of `TASK_VIEW_COLUMNS` to the view the API, CLI and dashboard share. */
export function toTaskView(row: Row): TaskView {
  const messages = row['messages'] as TaskView['messages'];
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    description: (row['description'] as string | null) ?? null,
    version: row['version'] as number,
    latestVersion: row['latest_version'] as number,
    messages,
    variables: variablesOf(messages),
    provider: (row['provider'] as string | null) ?? null,
    model: (row['model'] as string | null) ?? null,
    params: (row['params'] as RunParams | null) ?? {},
    outputSchema: (row['output_schema'] as Record<string, unknown> | null) ?? null,
    retryPolicy: (row['retry_policy'] as TaskRetryPolicy | null) ?? {},
    timeoutMs: (row['timeout_ms'] as number | null) ?? null,
    tags: (row['tags'] as string[] | null) ?? [],
    createdAt: (row['task_created_at'] as Date).toISOString(),
    versionCreatedAt: (row['version_created_at'] as Date).toISOString(),
  };
}
