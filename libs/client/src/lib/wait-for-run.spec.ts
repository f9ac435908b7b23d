import { GtrError, type RunDetailView, type RunEvent, type RunStatus } from '@gtr/domain';
import { runFixture } from '../../testing/run-fixture';
import { GtrApiError } from './gtr-api-error';
import { GtrNetworkError } from './gtr-network-error';
import { waitForRun, type RunSource } from './wait-for-run';

const ID = 'run-1';
const LONG_POLL = 60_000;

/** A run source whose reads return `reads` in order (the last one repeats) and whose event stream the test feeds. */
function source(reads: (RunStatus | Error)[]) {
  const log: string[] = [];
  let push: (e: RunEvent) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  let streamSignal: AbortSignal | undefined;
  let index = 0;
  const src: RunSource = {
    getRun: async (id) => {
      const next = reads[Math.min(index++, reads.length - 1)];
      log.push(`get ${id}`);
      if (next instanceof Error) throw next;
      return runFixture({ id, status: next, attemptCount: next === 'queued' ? 0 : 1 });
    },
    events: ({ runId, signal }) => {
      log.push(`subscribe ${runId}`);
      streamSignal = signal;
      return {
        [Symbol.asyncIterator]: () => {
          const queue: RunEvent[] = [];
          let waiting: ((r: IteratorResult<RunEvent>) => void) | null = null;
          let rejectWaiting: ((e: unknown) => void) | null = null;
          push = (e) => (waiting ? (waiting({ value: e, done: false }), (waiting = null)) : queue.push(e));
          fail = (e) => rejectWaiting?.(e);
          signal?.addEventListener('abort', () => waiting?.({ value: undefined, done: true }));
          return {
            next: () =>
              queue.length
                ? Promise.resolve({ value: queue.shift()!, done: false })
                : new Promise((resolve, reject) => ((waiting = resolve), (rejectWaiting = reject))),
          };
        },
      };
    },
  };
  return {
    src,
    log,
    push: (runId: string, status: RunStatus) =>
      push({
        type: 'run.updated',
        tenantId: 't',
        runId,
        status,
        batchId: null,
        at: new Date().toISOString(),
      }),
    fail: (e: unknown) => fail(e),
    streamSignal: () => streamSignal,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('waitForRun', () => {
  it('subscribes before the first read and polls until the run is terminal', async () => {
    const s = source(['queued', 'running', 'running', 'succeeded']);
    const updates: RunStatus[] = [];

    const run = await waitForRun(s.src, ID, { pollMs: 1, onUpdate: (r) => updates.push(r.status) });

    expect(run.status).toBe('succeeded');
    expect(s.log.slice(0, 2)).toEqual([`subscribe ${ID}`, `get ${ID}`]);
    expect(s.log.filter((l) => l.startsWith('get'))).toHaveLength(4);
    expect(updates).toEqual(['queued', 'running', 'succeeded']);
    expect(s.streamSignal()?.aborted).toBe(true);
  });

  it('reads at once when an event for the run arrives instead of waiting for the poll', async () => {
    const s = source(['running', 'failed']);
    const waiting = waitForRun(s.src, ID, { pollMs: LONG_POLL });
    await tick();
    s.push('other-run', 'succeeded');
    await tick();
    expect(s.log.filter((l) => l.startsWith('get'))).toHaveLength(1);

    s.push(ID, 'failed');

    await expect(waiting).resolves.toMatchObject({ status: 'failed' });
  });

  it('remembers an event that arrives during a read', async () => {
    const s = source(['running', 'cancelled']);
    const original = s.src.getRun;
    let first = true;
    s.src.getRun = async (id, options) => {
      const run = await original(id, options);
      if (first) {
        first = false;
        s.push(ID, 'cancelled');
        await tick();
      }
      return run;
    };
    await expect(waitForRun(s.src, ID, { pollMs: LONG_POLL })).resolves.toMatchObject({
      status: 'cancelled',
    });
  });

  it('keeps polling when the event stream fails', async () => {
    const s = source(['running', 'running', 'succeeded']);
    const waiting = waitForRun(s.src, ID, { pollMs: 5 });
    await tick();
    s.fail(new GtrNetworkError('http://api', 'terminated'));
    await expect(waiting).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('tolerates a few transient read failures', async () => {
    const gateway = new GtrApiError(503, 'E_SYSTEM', 'unavailable', [], 'retry');
    const s = source(['queued', new GtrNetworkError('http://api', 'ECONNRESET'), gateway, 'succeeded']);
    await expect(waitForRun(s.src, ID, { pollMs: 1 })).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('gives up after too many transient failures in a row', async () => {
    const down = new GtrNetworkError('http://api', 'ECONNREFUSED');
    const s = source(['running', down]);
    await expect(waitForRun(s.src, ID, { pollMs: 1 })).rejects.toBe(down);
    expect(s.log.filter((l) => l.startsWith('get'))).toHaveLength(7);
  });

  it('rejects at once with an error that is not transient', async () => {
    const missing = new GtrApiError(404, 'E_NOT_FOUND', 'Run not found', [], 'Check the id.');
    const s = source([missing]);
    await expect(waitForRun(s.src, ID, { pollMs: 1 })).rejects.toBe(missing);
    const other = new GtrError('E_INTERNAL');
    await expect(waitForRun(source([other]).src, ID, { pollMs: 1 })).rejects.toBe(other);
  });

  it('rejects with the abort reason and closes the subscription when the signal aborts', async () => {
    const s = source(['running']);
    const controller = new AbortController();
    const waiting = waitForRun(s.src, ID, { pollMs: LONG_POLL, signal: controller.signal });
    await tick();
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(s.streamSignal()?.aborted).toBe(true);
  });

  it('rejects without reading when the signal is already aborted', async () => {
    const s = source(['running']);
    await expect(waitForRun(s.src, ID, { signal: AbortSignal.abort(new Error('early')) })).rejects.toThrow(
      'early',
    );
    expect(s.log).toEqual([]);
  });

  it('rethrows a read error caused by the abort as it is', async () => {
    const controller = new AbortController();
    const s = source(['running']);
    s.src.getRun = async () => {
      controller.abort();
      throw new GtrNetworkError('http://api', 'aborted');
    };
    await expect(waitForRun(s.src, ID, { signal: controller.signal })).rejects.toBeInstanceOf(
      GtrNetworkError,
    );
  });

  it('uses the run passed to onUpdate as the final value', async () => {
    const s = source(['succeeded']);
    const seen: RunDetailView[] = [];
    const run = await waitForRun(s.src, ID, { onUpdate: (r) => seen.push(r) });
    expect(seen).toEqual([run]);
  });
});
