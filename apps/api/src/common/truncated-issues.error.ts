// Moved to @gtr/server (batch creation in the worker throws it too); kept so api callers need not change.
export { TruncatedIssuesError } from '@gtr/server';
