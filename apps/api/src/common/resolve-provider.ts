// Moved to @gtr/server (batch creation in the worker needs it too); kept so api callers need not change.
export { resolveProvider } from '@gtr/server';
