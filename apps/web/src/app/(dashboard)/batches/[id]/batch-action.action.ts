'use server';

import { revalidatePath } from 'next/cache';
import { assertUnreachable } from '../../../../lib/assert-unreachable';
import { type BatchAction, type BatchActionState, parseBatchAction } from '../../../../lib/batch-actions';
import { describeApiError } from '../../../../lib/describe-api-error';
import { withApi } from '../../../../server/api-client';
import { type GtrClient } from '@gtr/client';

/**
 * Pauses, resumes, cancels or retries the failed runs of a batch (the `action` field of the
 * form). A refusal of the API (e.g. 409 E_CONFLICT: the batch finished meanwhile) comes back
 * as the state the form shows; the page re-renders either way.
 */
export async function batchAction(
  batchId: string,
  _previous: BatchActionState,
  form: FormData,
): Promise<BatchActionState> {
  const action = parseBatchAction(form.get('action'));
  if (!action) {
    return {
      problem: {
        code: 'E_VALIDATION',
        message: 'Unknown action: use pause, resume, cancel or retry-failed.',
      },
      notice: null,
    };
  }
  try {
    const notice = await withApi((client) => perform(client, batchId, action));
    return { problem: null, notice };
  } catch (error) {
    const problem = describeApiError(error);
    if (!problem) throw error;
    return { problem, notice: null };
  } finally {
    revalidatePath(`/batches/${batchId}`);
  }
}

async function perform(client: GtrClient, batchId: string, action: BatchAction): Promise<string> {
  switch (action) {
    case 'pause':
      await client.pauseBatch(batchId);
      return 'Paused: no new run starts until it is resumed.';
    case 'resume':
      await client.resumeBatch(batchId);
      return 'Resumed.';
    case 'cancel':
      await client.cancelBatch(batchId);
      return 'Cancelled.';
    case 'retry-failed': {
      const { retried } = await client.retryFailedBatch(batchId);
      return `Queued ${retried} failed ${retried === 1 ? 'run' : 'runs'} again.`;
    }
    default:
      return assertUnreachable('batch action', action);
  }
}
