import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { type Response } from 'express';
import { type ErrorCode, GtrError, errorInfo, toErrorBody } from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';
import { TruncatedIssuesError } from './truncated-issues.error';

/**
 * The one place errors become HTTP. Domain errors carry a taxonomy code whose HTTP status comes
 * from the table; framework errors (unknown route, bad JSON, body too large) get a code too; anything
 * else is an internal error whose details stay in the log.
 */
@Catch()
export class GtrExceptionFilter implements ExceptionFilter {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const { status, error } = this.toGtrError(exception);
    const body = toErrorBody(error);
    if (error instanceof TruncatedIssuesError) {
      response.status(status).json({ error: { ...body.error, moreIssues: error.moreIssues } });
      return;
    }
    response.status(status).json(body);
  }

  private toGtrError(exception: unknown): { status: number; error: GtrError } {
    if (exception instanceof GtrError)
      return { status: errorInfo(exception.code).httpStatus, error: exception };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, error: fromHttpException(status, exception) };
    }
    this.runtime.logger.error({ err: exception }, 'unhandled error');
    return { status: 500, error: new GtrError('E_INTERNAL') };
  }
}

function fromHttpException(status: number, exception: HttpException): GtrError {
  const code: ErrorCode =
    status === 404 ? 'E_NOT_FOUND' : status === 401 ? 'E_AUTH' : status >= 500 ? 'E_INTERNAL' : 'E_INPUT';
  return new GtrError(code, status === 404 ? 'No such route.' : exception.message);
}
