import { type RunStatus } from '@gtr/domain';

/** A run that `BatchesRepository.cancel` cancelled, and the status it had. */
export interface CancelledBatchRun {
  runId: string;
  /** `running` means a worker may still be calling the provider: ask it to abort. */
  previousStatus: RunStatus;
}
