import { GtrError, type FieldIssue } from '../gtr-error';
import { type ChatMessage } from '../run-request';
import { parseTemplate, type TemplateSegment } from './parse-template';

/** The variables a template is rendered with: any JSON object. */
export type TemplateInput = Record<string, unknown>;

const MISSING = Symbol('missing');

/**
 * Renders one template: each `{{ name }}` becomes the value at that (dotted) path of `input`.
 * Strings are inserted as they are, anything else as JSON (`42`, `true`, `null`, `{"a":1}`).
 * Nothing is escaped and nothing is executed: a placeholder is only ever a lookup.
 * @throws GtrError `E_INPUT` naming every missing variable as `input.<name>`.
 */
export function renderTemplate(template: string, input: TemplateInput): string {
  return renderAll([template], input)[0];
}

/**
 * Renders the content of every message; roles stay as they are. A variable missing anywhere is
 * reported once, with all the others, in one error.
 * @throws GtrError `E_INPUT` naming every missing variable as `input.<name>`.
 */
export function renderMessages(messages: readonly ChatMessage[], input: TemplateInput): ChatMessage[] {
  const contents = renderAll(
    messages.map((message) => message.content),
    input,
  );
  return messages.map((message, i) => ({ role: message.role, content: contents[i] }));
}

function renderAll(templates: readonly string[], input: TemplateInput): string[] {
  const missing = new Set<string>();
  const rendered = templates.map((template) =>
    parseTemplate(template)
      .map((segment) => renderSegment(segment, input, missing))
      .join(''),
  );
  if (missing.size > 0) throw missingVariables([...missing]);
  return rendered;
}

function renderSegment(segment: TemplateSegment, input: TemplateInput, missing: Set<string>): string {
  if (segment.kind === 'text') return segment.text;
  const value = lookup(input, segment.path);
  if (value === MISSING) {
    missing.add(segment.name);
    return '';
  }
  return typeof value === 'string' ? value : toText(value);
}

/** JSON for what JSON can hold; `String()` for the rest (a bigint or a function passed in code). */
function toText(value: unknown): string {
  try {
    const json = JSON.stringify(value) as string | undefined;
    if (json !== undefined) return json;
  } catch {
    // not JSON-serialisable: fall through
  }
  return String(value);
}

/** Own properties only, so `{{constructor}}` or `{{__proto__}}` never reach a prototype. */
function lookup(input: unknown, path: readonly string[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return MISSING;
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (!descriptor || descriptor.value === undefined) return MISSING;
    current = descriptor.value;
  }
  return current;
}

function missingVariables(names: readonly string[]): GtrError {
  const issues: FieldIssue[] = names.map((name) => ({
    field: `input.${name}`,
    message: `is missing; the template uses {{${name}}}`,
  }));
  return new GtrError(
    'E_INPUT',
    `Missing input variable${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
    issues,
  );
}
