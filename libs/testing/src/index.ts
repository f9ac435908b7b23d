export * from './lib/create-test-database';
export * from './lib/truncate-all';
export * from './lib/make-run-input';
export * from './lib/create-test-tenant';
