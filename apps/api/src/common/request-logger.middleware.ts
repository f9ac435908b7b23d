import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';
import { RUNTIME, type Runtime } from '@gtr/server';
import { type AuthenticatedRequest } from '../auth/auth-context';

/** One JSON log line and one metric sample per request; never headers, bodies or query strings. */
@Injectable()
export class RequestLoggerMiddleware implements NestMiddleware {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      this.runtime.metrics.httpRequests.observe(
        { method: req.method, route: `${req.baseUrl}${route}`, status: String(res.statusCode) },
        seconds,
      );
      if (req.path.startsWith('/health') || req.path === '/metrics') return;
      this.runtime.logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          tenantId: (req as AuthenticatedRequest).auth?.tenantId,
        },
        'http request',
      );
    });
    next();
  }
}
