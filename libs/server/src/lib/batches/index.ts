export * from './batch-creator';
export * from './batch-job-priority';
export * from './find-task-or-throw';
export * from './resolve-provider';
export * from './row-issues';
export * from './truncated-issues.error';
export * from './cancel-batch-runs';
