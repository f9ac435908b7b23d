import { Injectable } from '@nestjs/common';
import {
  type UsageReport,
  GtrError,
  parseOrThrow,
  resolveUsageRange,
  usageQuerySchema,
  usageRangeIssue,
} from '@gtr/domain';
import { UsageRepository } from '@gtr/data';

export interface GetUsageReportCommand {
  tenantId: string;
  /** The raw query string values. */
  query: unknown;
  /** The end of the default window. */
  now: Date;
}

/** Validates a usage query, resolves its window (default: the last 30 days) and reports on it. */
@Injectable()
export class GetUsageReportUseCase {
  constructor(private readonly usage: UsageRepository) {}

  async execute(command: GetUsageReportCommand): Promise<UsageReport> {
    const query = parseOrThrow(usageQuerySchema, command.query, 'query');
    const range = resolveUsageRange(query, command.now);
    const issue = usageRangeIssue(range);
    if (issue) throw new GtrError('E_VALIDATION', `Invalid query: ${issue.field} ${issue.message}`, [issue]);
    return this.usage.report(command.tenantId, { ...range, groupBy: query.groupBy });
  }
}
