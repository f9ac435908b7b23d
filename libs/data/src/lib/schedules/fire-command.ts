import { type RunView, type ScheduleFireView } from '@gtr/domain';
import { type CreateRunInput } from '../runs/create-run-input';
import { type DueFireClaim } from './due-fire-claim';

/** What a fire time turns into: a run (optionally cancelling earlier ones) or a batch, or a recorded skip or failure. */
export type FireOutcome =
  | {
      status: 'created';
      /** The run to create; its `scheduleId` is set to the schedule's. */
      run: CreateRunInput;
      /** What this fire stands for, e.g. fire times it caught up on. */
      reason?: string | null;
      /** Runs to cancel in the same transaction (overlap policy `cancel_previous`), with the message they get. */
      cancel?: { runIds: readonly string[]; message: string };
    }
  | {
      status: 'created';
      /** The batch the fire created (a batch target), already stored and enqueued. */
      batchId: string;
      reason?: string | null;
    }
  | { status: 'skipped' | 'failed'; reason: string };

/** Claim a fire time and record what became of it, in one transaction. */
export interface FireCommand extends DueFireClaim {
  tenantId: string;
  /** When the scheduler handled it. */
  firedAt: Date;
  outcome: FireOutcome;
}

/** What `ScheduleFiringRepository.fire` did. */
export type FireResult =
  /** Another scheduler claimed this fire time first, or the schedule was changed or disabled. */
  | { outcome: 'lost' }
  /** The claim moved the schedule on, but this fire time had been handled before: nothing else happened. */
  | { outcome: 'duplicate' }
  | {
      outcome: 'fired';
      fire: ScheduleFireView;
      /** The created run; null for a batch, a skip or a failure. */
      run: RunView | null;
      /** The runs that were cancelled (those still unfinished). */
      cancelled: RunView[];
    };
