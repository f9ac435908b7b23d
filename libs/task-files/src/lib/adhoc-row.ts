import { createRunSchema, messagesOf, type RunParams } from '@gtr/domain';
import { describeSchemaIssue, kindOfSchemaIssue, type SchemaIssue } from './describe-schema-issue';
import { type FoundField, type RowFields } from './row-fields';
import { WHOLE_ROW } from './row-issue';
import { type TaskFileRow } from './task-file-row';

/** The schema's own words for a request with neither prompt nor messages. */
const PROMPT_REQUIRED = 'is required (or give messages)';

/** The fields an ad-hoc row may have; any other column or key is ignored. */
export const ADHOC_FIELDS: readonly string[] = [
  'id',
  'prompt',
  'messages',
  'system',
  'model',
  'temperature',
  'maxTokens',
  'max_tokens',
  'metadata',
  'batch_id',
  'batchId',
  'corr_id',
  'corrId',
  'idempotency_key',
  'idempotencyKey',
];

/**
 * Reads an ad-hoc row (a run request). The request is checked with the API's own schema
 * (`createRunSchema`), so a row is valid exactly when `POST /v1/runs` would accept it.
 * `id` is the row's id as the reader read it (undefined when it was invalid). Returns the
 * normalised row, or undefined after adding its issues to `fields.issues`.
 */
export function readAdhocRow(fields: RowFields, id: string | undefined): TaskFileRow | undefined {
  const before = fields.issues.length;
  const prompt = fields.find('prompt');
  const system = fields.find('system');
  const messages = fields.find('messages');
  const model = fields.find('model');
  const temperature = fields.find('temperature');
  const maxTokens = fields.find('maxTokens', 'max_tokens');
  const metadata = fields.find('metadata');
  const idempotencyKey = fields.find('idempotency_key', 'idempotencyKey');
  const batchId = fields.identifier(fields.find('batch_id', 'batchId'));
  const corrId = fields.identifier(fields.find('corr_id', 'corrId'));

  const params = defined({ temperature: fields.number(temperature), maxTokens: fields.number(maxTokens) });
  const body = defined({
    prompt: prompt?.value,
    system: system?.value,
    messages: fields.json(messages),
    model: model?.value,
    params: Object.keys(params).length ? params : undefined,
    metadata: fields.json(metadata),
    idempotencyKey: idempotencyKey?.value,
  });
  // The schema checks this only once every field is valid; checked here, it is reported with the rest.
  if (!prompt && !messages) fields.issue('prompt', PROMPT_REQUIRED, 'missing');
  const localIssues = new Set(fields.issues.slice(before).map((issue) => issue.field));
  const parsed = createRunSchema.safeParse(body, { error: describeSchemaIssue });
  if (!parsed.success) {
    const names = { temperature, maxTokens, idempotencyKey };
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue, names);
      // A field already reported (e.g. a cell that is not JSON) is not reported twice; nor is
      // "prompt is required" when the messages were given but could not be read.
      if (localIssues.has(field) || isPromptRequired(issue)) continue;
      fields.issue(field, issue.message, kindOfSchemaIssue(issue));
    }
  }
  if (!parsed.success || fields.issues.length > before || id === undefined) return undefined;

  const request = parsed.data;
  return defined({
    row: fields.row,
    id,
    messages: messagesOf(request),
    prompt: request.prompt,
    system: request.system,
    model: request.model,
    params: (request.params ?? {}) as RunParams,
    metadata: request.metadata ?? {},
    idempotencyKey: request.idempotencyKey,
    corrId,
    batchId,
  }) as TaskFileRow;
}

function fieldOf(
  issue: SchemaIssue,
  names: Record<'temperature' | 'maxTokens' | 'idempotencyKey', FoundField | undefined>,
): string {
  const [head, sub] = issue.path;
  if (head === 'params' && (sub === 'temperature' || sub === 'maxTokens')) return names[sub]?.name ?? sub;
  if (head === 'idempotencyKey') return names.idempotencyKey?.name ?? 'idempotency_key';
  return issue.path.length ? issue.path.join('.') : WHOLE_ROW;
}

function isPromptRequired(issue: SchemaIssue): boolean {
  return issue.code === 'custom' && issue.path[0] === 'prompt' && issue.message === PROMPT_REQUIRED;
}

/** `value` without its undefined properties (a plain loop: this runs three times per row). */
function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const result: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) result[key] = value[key];
  return result as { [K in keyof T]?: Exclude<T[K], undefined> };
}
