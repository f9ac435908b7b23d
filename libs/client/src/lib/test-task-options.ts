import { type RunParams } from '@gtr/domain';
import { type RequestOptions } from './request-options';

/** Options of `GtrClient.testTask`: which version, and overrides for this run only. */
export interface TestTaskOptions extends RequestOptions {
  /** A version to pin; default the latest. */
  version?: number;
  /** Replaces the task's model for this run. */
  model?: string;
  /** Merged key by key over the task's params for this run. */
  params?: RunParams;
  metadata?: Record<string, unknown>;
}
