import { type JobOutcome } from '../active-jobs';
import { type JobToAdd, type QueueCounts } from '../queue-driver';
import { JOB_RETENTION } from '../queue-driver-options';
import { PriorityHeap } from './priority-heap';
import { RecentIds } from './recent-ids';

/** A job held by an {@link InProcessQueue} while it is delayed, waiting or active. */
export interface StoredJob {
  id: string;
  /** The payload as JSON, parsed again for each delivery. */
  json: string;
  priority: number;
  state: 'delayed' | 'waiting' | 'active';
  /** Order in which it became waiting: FIFO among equal priorities. */
  sequence: number;
  /** Deliveries started so far. */
  starts: number;
  timer?: NodeJS.Timeout;
}

/** Something that runs jobs handed to it by a queue. */
export interface JobRunner {
  /** Whether it can start one more job now. */
  readonly hasCapacity: boolean;
  /** Starts `job`; calls `queue.settle(job, outcome)` when it is done. */
  start(job: StoredJob): void;
}

/**
 * One queue held in memory: dedupe by id, delays (timers), priorities, and dispatch to the
 * runners attached to it. Counts of finished jobs follow {@link JOB_RETENTION}'s `count`.
 */
export class InProcessQueue {
  private readonly jobs = new Map<string, StoredJob>();
  private readonly waiting = new PriorityHeap<StoredJob>(
    (a, b) => a.priority - b.priority || a.sequence - b.sequence,
  );
  private readonly completed = new RecentIds(JOB_RETENTION.completed.count);
  private readonly failed = new RecentIds(JOB_RETENTION.failed.count);
  private readonly runners = new Set<JobRunner>();
  private sequence = 0;

  /** Stores a job unless one with its id exists; `json` is its serialised payload. */
  add(job: JobToAdd<unknown>, json: string): void {
    if (this.jobs.has(job.id)) return;
    this.completed.delete(job.id);
    this.failed.delete(job.id);
    const stored: StoredJob = {
      id: job.id,
      json,
      priority: job.priority ?? 0,
      state: 'delayed',
      sequence: 0,
      starts: 0,
    };
    this.jobs.set(job.id, stored);
    if (job.delayMs) {
      // Unref'd: pending delayed jobs alone must not keep the process alive, as with Redis.
      stored.timer = setTimeout(() => this.makeReady(stored), job.delayMs).unref();
    } else {
      this.makeReady(stored);
    }
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  counts(): QueueCounts {
    const counts: QueueCounts = {
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: this.failed.size,
      completed: this.completed.size,
    };
    for (const job of this.jobs.values()) counts[job.state] += 1;
    return counts;
  }

  attach(runner: JobRunner): void {
    this.runners.add(runner);
    this.dispatch();
  }

  detach(runner: JobRunner): void {
    this.runners.delete(runner);
  }

  /** Records how a job's delivery ended; a released job becomes waiting again. */
  settle(job: StoredJob, outcome: JobOutcome): void {
    if (outcome.kind === 'released') {
      this.makeReady(job);
      return;
    }
    this.jobs.delete(job.id);
    (outcome.kind === 'completed' ? this.completed : this.failed).add(job.id);
    this.dispatch();
  }

  private makeReady(job: StoredJob): void {
    job.timer = undefined;
    job.state = 'waiting';
    job.sequence = this.sequence++;
    this.waiting.push(job);
    this.dispatch();
  }

  private dispatch(): void {
    for (const runner of this.runners) {
      while (runner.hasCapacity && this.waiting.size > 0) {
        const job = this.waiting.pop() as StoredJob;
        job.state = 'active';
        job.starts += 1;
        runner.start(job);
      }
    }
  }
}
