import { type RateLimiter } from '@gtr/engine';
import { createRateLimiter } from '@gtr/queue';
import OpenAI from 'openai';
import { driveLimited } from './drive-limited';
import { driveRaw } from './drive-raw';
import { type ParentMessage, type WorkerMessage, type WorkerTask } from './worker-messages';

/*
 * A benchmark worker process: gets its task over IPC, connects, says `ready`, waits for `go`,
 * runs its share of the requests and sends the result back.
 */
const send = (message: WorkerMessage) => process.send?.(message);
let task: WorkerTask | null = null;
let limiter: RateLimiter | null = null;

async function prepare(received: WorkerTask): Promise<void> {
  task = received;
  // A long-lived worker's HTTP client is warm; load the SDK's code and open a connection
  // before the clock starts (listing models is not rate-limited).
  await new OpenAI({ apiKey: 'sk-bench', baseURL: task.mockUrl }).models.list();
  if (task.driver !== 'raw') {
    limiter = createRateLimiter({ redisUrl: task.redisUrl, prefix: task.prefix, policy: task.policy });
    await limiter.state('warm-up'); // connect before the clock starts
  }
  send({ type: 'ready' });
}

async function run(): Promise<void> {
  if (!task) throw new Error('go before task');
  const result = limiter ? await driveLimited(task, limiter) : await driveRaw(task);
  await limiter?.close();
  send(result);
  process.disconnect?.();
}

process.on('message', (message: ParentMessage) => {
  const step = message.type === 'task' ? prepare(message) : run();
  step.catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  });
});
