import { type ChatMessage } from '../run-request';
import { parseTemplate } from './parse-template';

/**
 * The variables a template (or every message of a messages template) uses, as dotted names,
 * each once, in order of first use.
 * @throws GtrError `E_VALIDATION` when a template does not parse.
 */
export function variablesOf(template: string | readonly ChatMessage[]): string[] {
  const texts = typeof template === 'string' ? [template] : template.map((message) => message.content);
  const names = new Set<string>();
  for (const text of texts) {
    for (const segment of parseTemplate(text)) {
      if (segment.kind === 'variable') names.add(segment.name);
    }
  }
  return [...names];
}
