import { type RunView } from '@gtr/domain';

/** Result of `RunsRepository.create`. */
export interface CreatedRun {
  run: RunView;
  /** False when the idempotency key matched an earlier run, which `run` then is. */
  created: boolean;
}

/** One row of `RunsRepository.createMany`, in input order. */
export interface CreatedRunRef {
  id: string;
  created: boolean;
}
