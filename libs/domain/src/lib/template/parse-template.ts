import { GtrError } from '../gtr-error';

/** A piece of a parsed template: literal text, or a `{{ variable }}` placeholder. */
export type TemplateSegment =
  | { kind: 'text'; text: string }
  | {
      kind: 'variable';
      /** The dotted name as written, without spaces: `user.name`. */
      name: string;
      /** `name` split on dots: `['user', 'name']`. */
      path: string[];
    };

const OPEN = '{{';
const CLOSE = '}}';
/** A name: an identifier, then dot-separated keys (which may be array indexes, e.g. `items.0`). */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

/**
 * Splits a template into text and `{{ name }}` placeholders. Spaces inside the braces are
 * allowed; a name may be a dotted path. A `{{` preceded by a backslash is literal text: `\{{`
 * gives `{{`. Backslashes directly before `{{` pair up (`\\` gives one `\`), so `\\{{name}}`
 * is a backslash followed by the value; backslashes anywhere else are plain text.
 * @throws GtrError `E_VALIDATION` (field `template`) for an unclosed `{{` or a bad name.
 */
export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let text = '';
  let from = 0;
  for (;;) {
    const open = template.indexOf(OPEN, from);
    if (open === -1) break;
    let slashes = 0;
    while (open - slashes - 1 >= from && template[open - slashes - 1] === '\\') slashes++;
    text += template.slice(from, open - slashes) + '\\'.repeat(Math.floor(slashes / 2));
    if (slashes % 2 === 1) {
      text += OPEN;
      from = open + OPEN.length;
      continue;
    }
    const close = template.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) {
      throw syntaxError(`has an unclosed {{ at character ${open + 1}; write \\{{ for a literal {{`);
    }
    const name = template.slice(open + OPEN.length, close).trim();
    if (!NAME.test(name)) {
      throw syntaxError(
        name === ''
          ? `has an empty {{ }} at character ${open + 1}`
          : `has an invalid variable name "${name}" at character ${open + 1}: use letters, digits, _ and -, dots between keys`,
      );
    }
    if (text) segments.push({ kind: 'text', text });
    text = '';
    segments.push({ kind: 'variable', name, path: name.split('.') });
    from = close + CLOSE.length;
  }
  text += template.slice(from);
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

/** The syntax problem of a template as a sentence fragment, or null when it parses. */
export function templateSyntaxProblem(template: string): string | null {
  try {
    parseTemplate(template);
    return null;
  } catch (error) {
    return (error as GtrError).issues[0]?.message ?? (error as Error).message;
  }
}

function syntaxError(problem: string): GtrError {
  return new GtrError('E_VALIDATION', `Invalid template: it ${problem}`, [
    { field: 'template', message: problem },
  ]);
}
