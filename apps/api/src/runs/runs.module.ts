import { Module } from '@nestjs/common';
import { tasksRepositoryProvider } from '../tasks/tasks.repository.provider';
import { RunsController } from './runs.controller';
import { CancelRunUseCase } from './use-cases/cancel-run.use-case';
import { CreateRunUseCase } from './use-cases/create-run.use-case';

@Module({
  controllers: [RunsController],
  providers: [tasksRepositoryProvider, CreateRunUseCase, CancelRunUseCase],
  // Testing a task creates a run the same way.
  exports: [CreateRunUseCase],
})
export class RunsModule {}
