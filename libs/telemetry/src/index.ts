export * from './lib/logger';
export * from './lib/nest-logger';
export * from './lib/metrics';
