import { fork } from 'node:child_process';
import { join } from 'node:path';
import { nextMessage, sendTo } from '../rate-limit/worker-ipc';
import { type WorkerResult } from '../rate-limit/worker-messages';

/** The baseline every end-to-end benchmark prints next to gtr: the plain openai SDK in a loop. */
export interface RawLoopOptions {
  mockUrl: string;
  requests: number;
  /** Requests in flight at most. */
  concurrency: number;
  maxTokens: number;
  /** `maxRetries` of the SDK; unset: its default (2). */
  sdkMaxRetries?: number;
}

export interface RawLoopOutcome {
  ok: number;
  failed: number;
  /** From the start signal to the last answer. */
  wallMs: number;
  /** When each answer came, ascending (epoch ms). */
  finishedAt: number[];
}

/**
 * Runs the plain SDK loop in a process of its own (as gtr's workers are), timed from `go` after
 * it warmed up its connection to the last answer. Prompts are `Say w0r<i> done`.
 */
export async function runRawSdkLoop(options: RawLoopOptions): Promise<RawLoopOutcome> {
  const child = fork(join(__dirname, '../rate-limit/worker-main.js'));
  try {
    const ready = nextMessage(child, 'ready');
    sendTo(child, {
      type: 'task',
      worker: 0,
      driver: 'raw',
      mockUrl: options.mockUrl,
      redisUrl: '',
      prefix: '',
      limits: {},
      policy: {},
      requests: options.requests,
      concurrency: options.concurrency,
      maxTokens: options.maxTokens,
      ...(options.sdkMaxRetries !== undefined && { sdkMaxRetries: options.sdkMaxRetries }),
    });
    await ready;
    const result = nextMessage(child, 'result') as Promise<WorkerResult>;
    const startedAt = Date.now();
    sendTo(child, { type: 'go' });
    const done = await result;
    const finishedAt = done.completed.map((c) => c.at).sort((a, b) => a - b);
    const last = finishedAt.length > 0 ? finishedAt[finishedAt.length - 1] : startedAt;
    return { ok: done.completed.length, failed: done.failed, wallMs: last - startedAt, finishedAt };
  } finally {
    if (child.connected) child.kill();
  }
}
