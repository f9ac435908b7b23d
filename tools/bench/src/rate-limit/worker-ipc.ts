import { type ChildProcess } from 'node:child_process';
import { type ParentMessage, type WorkerMessage } from './worker-messages';

/** Sends `message` to a benchmark worker process. */
export function sendTo(worker: ChildProcess, message: ParentMessage): void {
  worker.send(message);
}

/** The next message of `type` from `worker`; rejects on an error message or an early exit. */
export function nextMessage(worker: ChildProcess, type: WorkerMessage['type']): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'error') settle(() => reject(new Error(`worker failed: ${message.message}`)));
      else if (message.type === type) settle(() => resolve(message));
    };
    const onExit = (code: number | null) =>
      settle(() => reject(new Error(`worker exited (${code}) before '${type}'`)));
    const settle = (finish: () => void) => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      finish();
    };
    worker.on('message', onMessage);
    worker.on('exit', onExit);
  });
}
