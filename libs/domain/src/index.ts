export * from './lib/run-status';
export * from './lib/error-codes';
export * from './lib/gtr-error';
export * from './lib/run-request';
export * from './lib/run-view';
export * from './lib/list-runs-query';
export * from './lib/validation';
