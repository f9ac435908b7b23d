import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type UsageReport, USAGE_GROUP_BY } from '@gtr/domain';
import { Auth, type AuthContext } from '../auth/auth-context';
import { GetUsageReportUseCase } from './use-cases/get-usage-report.use-case';

@ApiTags('usage')
@ApiBearerAuth()
@Controller('v1/usage')
export class UsageController {
  constructor(private readonly getUsageReport: GetUsageReportUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'Runs, tokens and cost of the caller’s tenant over a window, in total and per group',
  })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'ISO 8601 date or date-time, inclusive; default: 30 days before to',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'ISO 8601 date (that whole day) or date-time, exclusive; default: now',
  })
  @ApiQuery({ name: 'groupBy', required: false, enum: USAGE_GROUP_BY, description: 'default day (UTC days)' })
  report(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>): Promise<UsageReport> {
    return this.getUsageReport.execute({ tenantId: auth.tenantId, query, now: new Date() });
  }
}
