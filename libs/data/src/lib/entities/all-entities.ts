import { ApiKeyEntity } from './api-key.entity';
import { BatchEntity } from './batch.entity';
import { ProviderBatchEntity } from './provider-batch.entity';
import { ResponseCacheEntity } from './response-cache.entity';
import { RunAttemptEntity } from './run-attempt.entity';
import { RunEntity } from './run.entity';
import { ScheduleFireEntity } from './schedule-fire.entity';
import { ScheduleEntity } from './schedule.entity';
import { TaskVersionEntity } from './task-version.entity';
import { TaskEntity } from './task.entity';
import { TenantEntity } from './tenant.entity';
import { TaskFileRowEntity } from './task-file-row.entity';
import { TaskFileEntity } from './task-file.entity';

/** Every entity of the schema, for the data source. */
export const ALL_ENTITIES = [
  TenantEntity,
  ApiKeyEntity,
  TaskEntity,
  TaskVersionEntity,
  BatchEntity,
  ProviderBatchEntity,
  ScheduleEntity,
  ScheduleFireEntity,
  RunEntity,
  RunAttemptEntity,
  ResponseCacheEntity,
  TaskFileEntity,
  TaskFileRowEntity,
];
