import { type BatchLineError, type BatchRequestLine } from './batch-objects';

/** OpenAI's limit on the requests of one batch. */
export const MAX_BATCH_REQUESTS = 50_000;

/** The request lines of an input file, or the problems that fail the batch. */
export type ParsedInput = { ok: true; lines: BatchRequestLine[] } | { ok: false; errors: BatchLineError[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineError(line: number, code: string, message: string, param: string | null): BatchLineError {
  return { code, message, param, line };
}

/**
 * Checks a JSONL input file as OpenAI's validation does: every non-empty line a JSON object
 * with a unique string `custom_id`, `method: "POST"`, `url` equal to the batch's endpoint and
 * an object `body`; at most {@link MAX_BATCH_REQUESTS} lines.
 */
export function parseInputFile(content: string, endpoint: string): ParsedInput {
  const errors: BatchLineError[] = [];
  const lines: BatchRequestLine[] = [];
  const seen = new Set<string>();
  content.split('\n').forEach((text, index) => {
    const number = index + 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      errors.push(lineError(number, 'invalid_json_line', 'This line is not parseable as valid JSON.', null));
      return;
    }
    if (!isObject(value) || typeof value['custom_id'] !== 'string' || value['custom_id'] === '') {
      errors.push(lineError(number, 'missing_required_parameter', 'Missing custom_id.', 'custom_id'));
      return;
    }
    const customId = value['custom_id'];
    if (seen.has(customId)) {
      errors.push(
        lineError(
          number,
          'duplicate_custom_id',
          `The custom_id ${customId} is used more than once.`,
          'custom_id',
        ),
      );
      return;
    }
    seen.add(customId);
    if (value['method'] !== 'POST' || value['url'] !== endpoint || !isObject(value['body'])) {
      const message = `Each line needs method "POST", url "${endpoint}" and an object body.`;
      errors.push(lineError(number, 'invalid_request', message, 'url'));
      return;
    }
    lines.push({ custom_id: customId, body: value['body'] });
  });
  if (lines.length > MAX_BATCH_REQUESTS) {
    const message = `A batch may hold at most ${MAX_BATCH_REQUESTS} requests; this file has ${lines.length}.`;
    errors.push({ code: 'too_many_requests', message, param: null, line: null });
  }
  if (errors.length === 0 && lines.length === 0) {
    errors.push({ code: 'empty_file', message: 'The input file has no requests.', param: null, line: null });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
