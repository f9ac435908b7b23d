import { type UsageReport } from '@gtr/domain';
import { type HttpTransport } from './http-transport';
import { type RequestOptions } from './request-options';
import { type UsageParams } from './usage-params';

/** The usage methods of `GtrClient` (docs/api.md, Usage). */
export interface UsageMethods {
  /** `GET /v1/usage`: runs, tokens and cost of the caller's tenant, in total and per group. */
  usage(params?: UsageParams, options?: RequestOptions): Promise<UsageReport>;
}

/** The usage methods on a transport. */
export function usageMethods(http: HttpTransport): UsageMethods {
  const instant = (value: string | Date | undefined): string | undefined =>
    value instanceof Date ? value.toISOString() : value;
  return {
    usage: (params = {}, opts) =>
      http.json({
        method: 'GET',
        path: '/v1/usage',
        query: { from: instant(params.from), to: instant(params.to), groupBy: params.groupBy },
        signal: opts?.signal,
      }),
  };
}
