import { type ClaimedProviderBatchRun } from '@gtr/data';
import { type ErrorCode } from '@gtr/domain';
import { type CompletionResult, classifyError, codeForHttpStatus, toCompletionResult } from '@gtr/engine';

/** One line of an output or error file. */
export interface ResultLine {
  custom_id: string;
  response: { status_code: number; request_id?: string | null; body: unknown } | null;
  error: { code?: string | null; message?: string | null } | null;
}

/** What a line says about its run. */
export type LineOutcome =
  | { ok: true; result: CompletionResult }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      httpStatus: number | null;
      providerRequestId: string | null;
    };

/** Lines of output and error files by `custom_id`; lines that are not JSON objects with one are skipped. */
export function indexResultLines(texts: readonly string[]): Map<string, ResultLine> {
  const byId = new Map<string, ResultLine>();
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let line: unknown;
      try {
        line = JSON.parse(raw);
      } catch {
        continue;
      }
      const customId = (line as { custom_id?: unknown } | null)?.custom_id;
      if (typeof customId === 'string') byId.set(customId, line as ResultLine);
    }
  }
  return byId;
}

function errorBody(body: unknown): { message: string | null; code: string | null; type: string | null } {
  const error = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { message: text(error['message']), code: text(error['code']), type: text(error['type']) };
}

/**
 * Reads a run's result line as the openai provider reads a live answer: a 200 body goes
 * through the same `toCompletionResult` (so a filtered answer or an output that is not the
 * requested JSON fails the same way), an error status is classified by status and the
 * provider's `code` / `type`, and a line the provider could not run (`error`, e.g.
 * `batch_expired`) is a timeout.
 */
export function readResultLine(run: ClaimedProviderBatchRun, line: ResultLine): LineOutcome {
  const response = line.response;
  const providerRequestId = response?.request_id ?? null;
  if (!response) {
    const expired = line.error?.code === 'batch_expired';
    return {
      ok: false,
      code: expired ? 'E_TIMEOUT' : 'E_SERVER_ERROR',
      message: line.error?.message ?? 'The provider could not run this request.',
      httpStatus: null,
      providerRequestId,
    };
  }
  if (response.status_code >= 200 && response.status_code < 300) {
    const headers = new Headers(providerRequestId ? { 'x-request-id': providerRequestId } : {});
    try {
      const result = toCompletionResult(run, {
        data: response.body,
        response: { status: response.status_code, headers },
      });
      return { ok: true, result };
    } catch (error) {
      const failure = classifyError(error);
      return {
        ok: false,
        code: failure.code,
        message: failure.message,
        httpStatus: response.status_code,
        providerRequestId,
      };
    }
  }
  const error = errorBody(response.body);
  return {
    ok: false,
    code: codeForHttpStatus(response.status_code, error.code, error.type),
    message: error.message ?? `The provider answered ${response.status_code}.`,
    httpStatus: response.status_code,
    providerRequestId,
  };
}

/** Why a run has no line once its provider batch is over, by the batch's final status. */
export function missingLineFailure(
  status: string,
  batchErrors: readonly string[],
): { code: ErrorCode; message: string } {
  switch (status) {
    case 'expired':
      return { code: 'E_TIMEOUT', message: 'The provider batch expired before this request ran.' };
    case 'cancelled':
      return { code: 'E_CANCELLED', message: 'The provider batch was cancelled before this request ran.' };
    case 'failed':
      return {
        code: 'E_INPUT',
        message: `The provider refused the batch file${batchErrors.length ? `: ${batchErrors.slice(0, 3).join('; ')}` : '.'}`,
      };
    default:
      return { code: 'E_SERVER_ERROR', message: 'The provider batch returned no result for this request.' };
  }
}
