export * from './schedule-task-planner';
export * from './stored-task-planner';
export * from './schedule-run-input';
export * from './schedule-runner';
export * from './schedule-batch-starter';
