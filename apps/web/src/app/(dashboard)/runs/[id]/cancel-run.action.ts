'use server';

import { revalidatePath } from 'next/cache';
import { withApi } from '../../../../server/api-client';
import { GtrApiError } from '@gtr/client';

/** Cancels a run; a run that finished meanwhile (409) just shows its final state. */
export async function cancelRun(runId: string): Promise<void> {
  await withApi(async (client) => {
    try {
      await client.cancelRun(runId);
    } catch (error) {
      if (!(error instanceof GtrApiError && error.status === 409)) throw error;
    }
  });
  revalidatePath(`/runs/${runId}`);
}
