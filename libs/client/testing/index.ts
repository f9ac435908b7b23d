// Test helpers of @gtr/client for the specs of the lib and of its users (CLI, dashboard).
export * from './run-fixture';
