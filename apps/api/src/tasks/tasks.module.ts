import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { TasksController } from './tasks.controller';
import { tasksRepositoryProvider } from './tasks.repository.provider';
import { CreateTaskUseCase } from './use-cases/create-task.use-case';
import { DeleteTaskUseCase } from './use-cases/delete-task.use-case';
import { TestTaskUseCase } from './use-cases/test-task.use-case';
import { UpdateTaskUseCase } from './use-cases/update-task.use-case';

@Module({
  imports: [RunsModule],
  controllers: [TasksController],
  providers: [
    tasksRepositoryProvider,
    CreateTaskUseCase,
    UpdateTaskUseCase,
    DeleteTaskUseCase,
    TestTaskUseCase,
  ],
})
export class TasksModule {}
