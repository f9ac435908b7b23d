export * from './batch-api-client';
export * from './jsonl-chunks';
export * from './batch-result-lines';
export * from './provider-batch-executor';
export * from './provider-batch-runner';
