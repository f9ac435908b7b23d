import { Module } from '@nestjs/common';
import { RunsController } from './runs.controller';
import { CancelRunUseCase } from './use-cases/cancel-run.use-case';
import { CreateRunUseCase } from './use-cases/create-run.use-case';

@Module({
  controllers: [RunsController],
  providers: [CreateRunUseCase, CancelRunUseCase],
})
export class RunsModule {}
