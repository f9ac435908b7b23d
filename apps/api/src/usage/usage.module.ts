import { Module } from '@nestjs/common';
import { GetUsageReportUseCase } from './use-cases/get-usage-report.use-case';
import { usageRepositoryProvider } from './usage-repository.provider';
import { UsageController } from './usage.controller';

@Module({
  controllers: [UsageController],
  providers: [usageRepositoryProvider, GetUsageReportUseCase],
})
export class UsageModule {}
