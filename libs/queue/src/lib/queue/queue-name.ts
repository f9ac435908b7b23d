import { type RunJobPayload } from './run-job-payload';

/** Every queue gtr uses. Queue names are stable: they are part of the Redis key layout. */
export enum QueueName {
  /** One job per run to execute; the job id is the run id. */
  Runs = 'runs',
}

/** The payload type of each queue, so `add` and `consume` are checked against it. */
export interface QueuePayloads {
  [QueueName.Runs]: RunJobPayload;
}

/** The payload type of queue `Q`. */
export type PayloadOf<Q extends QueueName> = QueuePayloads[Q];
