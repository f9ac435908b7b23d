import { type BatchViewStatus } from '../batch/batch-view';
import { type RunStatus } from '../run-status';
import {
  type ScheduleFireStatus,
  type ScheduleMissedPolicy,
  type ScheduleOverlapPolicy,
} from './schedule-policies';
import { type ScheduleTarget } from './schedule-target';

/** A schedule, as the API, CLI and dashboard see it. Timestamps are ISO 8601 UTC. */
export interface ScheduleView {
  id: string;
  name: string;
  /** The cron expression, or null for an interval schedule. */
  cron: string | null;
  /** The interval (`5m`, `1h30m`), or null for a cron schedule. */
  every: string | null;
  /** IANA zone the cron expression is read in. */
  timezone: string;
  target: ScheduleTarget;
  enabled: boolean;
  overlapPolicy: ScheduleOverlapPolicy;
  missedPolicy: ScheduleMissedPolicy;
  /** The last fire time that was handled (a run created, or skipped). */
  lastFireAt: string | null;
  /** The next fire time; null while disabled. */
  nextFireAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One handled fire time of a schedule (`GET /v1/schedules/:name/history`). */
export interface ScheduleFireView {
  id: string;
  /** The fire time. */
  dueAt: string;
  /** When the scheduler handled it. */
  firedAt: string;
  status: ScheduleFireStatus;
  /** The run it created; null when skipped or failed (or the run was deleted). */
  runId: string | null;
  /** That run's current status. */
  runStatus: RunStatus | null;
  /** The batch it created (a batch target); null otherwise (or the batch was deleted). */
  batchId: string | null;
  /** That batch's current status. */
  batchStatus: BatchViewStatus | null;
  /** Why it was skipped or failed, or what a created fire caught up on. */
  reason: string | null;
}

/** One coming fire time, in UTC and in the schedule's time zone. */
export interface ScheduleFireTime {
  /** ISO 8601 UTC: `2025-03-09T07:30:00.000Z`. */
  utc: string;
  /** ISO 8601 local time with offset in the schedule's zone: `2025-03-09T03:30:00-04:00`. */
  local: string;
}

/** `GET /v1/schedules/:name/next` answer. */
export interface ScheduleNextFiresView {
  name: string;
  timezone: string;
  enabled: boolean;
  /** The coming fire times from now, whether or not the schedule is enabled. */
  fires: ScheduleFireTime[];
}
