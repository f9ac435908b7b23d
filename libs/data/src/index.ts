// Entities: the schema. Code outside this lib gets views, never entity instances.
export * from './lib/entities/tenant.entity';
export * from './lib/entities/api-key.entity';
export * from './lib/entities/task.entity';
export * from './lib/entities/task-version.entity';
export * from './lib/entities/batch.entity';
export * from './lib/entities/schedule.entity';
export * from './lib/entities/schedule-fire.entity';
export * from './lib/entities/run.entity';
export * from './lib/entities/run-attempt.entity';
export * from './lib/entities/response-cache.entity';
export * from './lib/entities/all-entities';
export * from './lib/transformers/numeric.transformer';
export * from './lib/migrations/all-migrations';

// Connecting.
export * from './lib/data-source/create-data-source';
export * from './lib/data-source/run-migrations';
export * from './lib/data-source/embedded-postgres';
export * from './lib/data-source/resolve-database';
export * from './lib/data-source/statement-logger';

// Repositories and what they return.
export * from './lib/tenants/tenant-view';
export * from './lib/tenants/tenants.repository';
export * from './lib/api-keys/api-key-secret';
export * from './lib/api-keys/api-key-view';
export * from './lib/api-keys/api-keys.repository';
export * from './lib/runs/create-run-input';
export * from './lib/runs/created-run';
export * from './lib/runs/list-runs-options';
export * from './lib/runs/runs.repository';
export * from './lib/runs/run-execution.types';
export * from './lib/runs/run-execution.repository';
export * from './lib/tasks/list-tasks-options';
export * from './lib/tasks/tasks.repository';
export * from './lib/response-cache/response-cache-entry';
export * from './lib/response-cache/response-cache.repository';
export * from './lib/usage/usage-report-options';
export * from './lib/usage/usage.repository';
export * from './lib/schedules/create-schedule-input';
export * from './lib/schedules/update-schedule-input';
export * from './lib/schedules/list-schedules-options';
export * from './lib/schedules/schedules.repository';
export * from './lib/schedules/due-schedule';
export * from './lib/schedules/due-fire-claim';
export * from './lib/schedules/fire-command';
export * from './lib/schedules/schedule-firing.repository';
export * from './lib/mappers/run-view.mapper';
export * from './lib/mappers/attempt-view.mapper';
export * from './lib/batches/create-batch-input';
export * from './lib/batches/created-batch';
export * from './lib/batches/batch-run-options';
export * from './lib/batches/batch-result-run';
export * from './lib/batches/cancelled-batch-run';
export * from './lib/batches/retried-run';
export * from './lib/batches/batches.repository';
