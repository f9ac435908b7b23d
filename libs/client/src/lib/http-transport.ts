import { errorInfo, isErrorCode, type FieldIssue } from '@gtr/domain';
import { codeForStatus } from './code-for-status';
import { GtrApiError } from './gtr-api-error';
import { GtrNetworkError } from './gtr-network-error';
import { displayUrl, redact } from './redact';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type QueryValue = string | number | readonly string[] | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A multipart body instead of JSON (`fetch` sets its content type and boundary). */
  form?: FormData;
  /** Extra request headers, e.g. `idempotency-key`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the API key (every `/v1` route); health routes need none. */
  auth?: boolean;
  accept?: string;
  /** Statuses other than 2xx whose body is a result, not an error (health: 503). */
  okStatuses?: readonly number[];
  /** Abort after this long; 0 = never (event streams). */
  timeoutMs?: number;
}

export interface HttpTransportOptions {
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * Sends requests to the API and turns every failure into a `GtrApiError` (error status) or a
 * `GtrNetworkError` (no answer). A caller's abort is passed through untouched. The API key is
 * only ever put in the Authorization header and scrubbed from every message.
 */
export class HttpTransport {
  private readonly base: URL;
  readonly displayBase: string;

  constructor(private readonly options: HttpTransportOptions) {
    this.base = new URL(options.baseUrl);
    this.displayBase = displayUrl(this.base);
  }

  /** Sends the request and returns the response once its status is acceptable. */
  async send(request: HttpRequest): Promise<Response> {
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const signals = [request.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
    const headers: Record<string, string> = {
      ...request.headers,
      accept: request.accept ?? 'application/json',
    };
    if (request.auth !== false) headers['authorization'] = `Bearer ${this.options.apiKey}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await this.options.fetch(this.urlOf(request), {
        method: request.method,
        headers,
        body: request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
        signal: signals.length ? AbortSignal.any(signals) : undefined,
      });
    } catch (error) {
      throw this.failure(error, request.signal, timeoutMs);
    }
    if (response.ok || request.okStatuses?.includes(response.status)) return response;
    throw await this.apiError(response, request);
  }

  /** Sends the request and parses the JSON body. */
  async json<T>(request: HttpRequest): Promise<T> {
    const response = await this.send(request);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.failure(error, request.signal, timeoutMs);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new GtrApiError(
        response.status,
        'E_INTERNAL',
        `The API answered ${request.method} ${request.path} with a body that is not JSON.`,
        [],
        errorInfo('E_INTERNAL').action,
      );
    }
  }

  /** Sends the request and discards the body (a `204 No Content`, say). */
  async empty(request: HttpRequest): Promise<void> {
    const response = await this.send(request);
    await response.body?.cancel().catch(() => undefined);
  }

  /** The error for a request that got no (complete) answer; a caller's abort stays as it is. */
  failure(error: unknown, callerSignal: AbortSignal | undefined, timeoutMs: number): unknown {
    if (callerSignal?.aborted) return error;
    if ((error as Error | null)?.name === 'TimeoutError') {
      return new GtrNetworkError(this.displayBase, `no answer within ${timeoutMs} ms`);
    }
    return new GtrNetworkError(this.displayBase, this.scrub(reasonOf(error)));
  }

  scrub(text: string): string {
    return redact(text, this.options.apiKey);
  }

  private urlOf(request: HttpRequest): string {
    const url = new URL(this.base.href);
    url.pathname = url.pathname.replace(/\/+$/, '') + request.path;
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(',') : String(value);
      if (text !== '') url.searchParams.set(key, text);
    }
    return url.href;
  }

  private async apiError(response: Response, request: HttpRequest): Promise<GtrApiError> {
    const body = await response.text().catch(() => '');
    const parsed = parseErrorBody(body);
    const code = parsed && isErrorCode(parsed.code) ? parsed.code : codeForStatus(response.status);
    const message =
      parsed?.message ??
      `The API answered ${request.method} ${request.path} with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
    const issues = (parsed?.issues ?? []).map((issue) => ({ ...issue, message: this.scrub(issue.message) }));
    return new GtrApiError(
      response.status,
      code,
      this.scrub(message),
      issues,
      this.scrub(parsed?.action ?? errorInfo(code).action),
    );
  }
}

interface ParsedErrorBody {
  code?: unknown;
  message?: string;
  action?: string;
  issues?: FieldIssue[];
}

function parseErrorBody(text: string): ParsedErrorBody | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, action, issues } = error as Record<string, unknown>;
  return {
    code,
    message: typeof message === 'string' ? message : undefined,
    action: typeof action === 'string' ? action : undefined,
    issues: Array.isArray(issues) ? issues.filter(isFieldIssue) : undefined,
  };
}

function isFieldIssue(value: unknown): value is FieldIssue {
  const issue = value as FieldIssue | null;
  return typeof issue?.field === 'string' && typeof issue.message === 'string';
}

/** The most specific reason Node's fetch gives, e.g. `connect ECONNREFUSED 127.0.0.1:3000`. */
function reasonOf(error: unknown): string {
  // Duck-typed: fetch may come from another realm (test runners, workers), where instanceof fails.
  const messageOf = (value: unknown): string | undefined => {
    const message = (value as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message ? message : undefined;
  };
  return messageOf((error as { cause?: unknown } | null)?.cause) ?? messageOf(error) ?? String(error);
}
