import { type BatchView } from '@gtr/domain';
import { type ApiProblem } from './describe-api-error';

/** What an operator can do to a batch from its page. */
const BATCH_ACTIONS = ['pause', 'resume', 'cancel', 'retry-failed'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

/**
 * The actions that apply to the batch as it is now, in button order: pause while queued or
 * running, resume while paused, cancel while unfinished, retry while some runs failed.
 */
export function batchActionsFor(batch: Pick<BatchView, 'status' | 'counts'>): BatchAction[] {
  const actions: BatchAction[] = [];
  if (batch.status === 'queued' || batch.status === 'running') actions.push('pause', 'cancel');
  if (batch.status === 'paused') actions.push('resume', 'cancel');
  if (batch.counts.failed > 0) actions.push('retry-failed');
  return actions;
}

/** Tells a form field apart from a made-up action name. */
export function parseBatchAction(value: unknown): BatchAction | null {
  return (BATCH_ACTIONS as readonly unknown[]).includes(value) ? (value as BatchAction) : null;
}

/** What the last action did: the API's refusal, or a line saying what happened. */
export interface BatchActionState {
  problem: ApiProblem | null;
  notice: string | null;
}
