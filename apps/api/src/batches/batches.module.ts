import { Module } from '@nestjs/common';
import { tasksRepositoryProvider } from '../tasks/tasks.repository.provider';
import { BatchesController } from './batches.controller';
import { batchesRepositoryProvider } from './batches.repository.provider';
import { CancelBatchUseCase } from './use-cases/cancel-batch.use-case';
import { CreateBatchUseCase } from './use-cases/create-batch.use-case';
import { PauseBatchUseCase } from './use-cases/pause-batch.use-case';
import { RetryFailedBatchUseCase } from './use-cases/retry-failed-batch.use-case';

@Module({
  controllers: [BatchesController],
  providers: [
    batchesRepositoryProvider,
    tasksRepositoryProvider,
    CreateBatchUseCase,
    CancelBatchUseCase,
    RetryFailedBatchUseCase,
    PauseBatchUseCase,
  ],
})
export class BatchesModule {}
