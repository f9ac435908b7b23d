import { ActiveJobs, type CloseGrace } from '../active-jobs';
import { type Consumer, type JobHandler } from '../queue-driver';
import { type InProcessQueue, type JobRunner, type StoredJob } from './in-process-queue';

/** Runs jobs of one {@link InProcessQueue} with a handler, at most `concurrency` at a time. */
export class InProcessConsumer implements Consumer, JobRunner {
  private readonly active = new ActiveJobs();
  private closing?: Promise<void>;

  constructor(
    private readonly queue: InProcessQueue,
    private readonly handler: JobHandler<unknown>,
    private readonly concurrency: number,
    private readonly grace: CloseGrace,
  ) {}

  get hasCapacity(): boolean {
    return this.closing === undefined && this.active.size < this.concurrency;
  }

  start(job: StoredJob): void {
    const delivery = this.active.run(job.id, (signal) =>
      this.handler({ id: job.id, payload: JSON.parse(job.json), attemptsMade: job.starts - 1, signal }),
    );
    void delivery.then((outcome) => this.queue.settle(job, outcome));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.queue.detach(this);
      await this.active.drain(this.grace);
    })();
    return this.closing;
  }
}
