import { randomBytes } from 'node:crypto';
import { requestId } from '../http/ids';
import { answerChat, completionBody } from '../server/chat-answer';
import { type MockLlmState } from '../server/mock-llm-state';
import { type BatchRequestLine } from './batch-objects';

/** One line of an output or error file. */
export interface BatchResultLine {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: unknown } | null;
  error: { code: string; message: string } | null;
}

/** The answered lines split as OpenAI splits them: 200s in the output file, the rest in the error file. */
export interface BatchResults {
  output: BatchResultLine[];
  errors: BatchResultLine[];
}

const COMPLETIONS = 'POST /v1/chat/completions';
const NEVER = new AbortController().signal;

function resultLine(customId: string, rest: Pick<BatchResultLine, 'response' | 'error'>): BatchResultLine {
  return { id: `batch_req_${randomBytes(12).toString('hex')}`, custom_id: customId, ...rest };
}

/**
 * Answers each line with the same logic as `POST /v1/chat/completions` (prompt fault markers,
 * `failNext`, quota, context window…) minus the latency, counting each as a chat completion in
 * the stats. A `hang` never answers, so its line expires; a `malformed` answer, which cannot be
 * written as a JSONL line, is a 500.
 */
export async function runBatchLines(state: MockLlmState, lines: BatchRequestLine[]): Promise<BatchResults> {
  const results: BatchResults = { output: [], errors: [] };
  for (const line of lines) {
    state.stats.requestStarted(COMPLETIONS);
    const outcome = await answerChat(state, line.body, { signal: NEVER, wait: false });
    if (outcome.kind === 'reply' && !outcome.reply.malformed) {
      const response = { status_code: 200, request_id: requestId(), body: completionBody(outcome.reply) };
      results.output.push(resultLine(line.custom_id, { response, error: null }));
      state.stats.requestEnded(true, 200);
    } else if (outcome.kind === 'reply' || outcome.kind === 'error') {
      const status = outcome.kind === 'error' ? outcome.error.status : 500;
      const body =
        outcome.kind === 'error'
          ? outcome.error.body
          : {
              error: {
                message: 'The model produced an unreadable answer.',
                type: 'server_error',
                param: null,
                code: null,
              },
            };
      results.errors.push(
        resultLine(line.custom_id, {
          response: { status_code: status, request_id: requestId(), body },
          error: null,
        }),
      );
      state.stats.requestEnded(true, status);
    } else {
      const error = {
        code: 'batch_expired',
        message: 'This request could not be executed before the completion window expired.',
      };
      results.errors.push(resultLine(line.custom_id, { response: null, error }));
      state.stats.requestEnded(true, null);
    }
  }
  return results;
}
