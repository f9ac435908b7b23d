import { type GtrClient } from '@gtr/client';
import { type BatchView, type RunEvent } from '@gtr/domain';
import { MemoryStream, fakeClient } from '../test/cli-harness';
import { CliContext } from './cli-context';
import { followBatch } from './follow-batch';

const BATCH = 'b0c1d2e3-0000-4000-8000-000000000001';

function context(
  client: ReturnType<typeof fakeClient>,
  signal?: AbortSignal,
  stderr = new MemoryStream(false),
): CliContext {
  return new CliContext({
    createClient: () => client as unknown as GtrClient,
    stdout: new MemoryStream(false),
    stderr,
    env: {
      GTR_API_URL: 'http://api.test',
      GTR_API_KEY: 'gtr_test_key_0123456789abcdef',
      GTR_DATA_DIR: '/nonexistent',
    },
    signal,
  });
}

const view = (status: BatchView['status']) =>
  ({
    id: BATCH,
    status,
    done: 0,
    total: 2,
    counts: { failed: 0 },
    throughputPerSecond: null,
    etaSeconds: null,
    costUsd: 0,
  }) as unknown as BatchView;

describe('followBatch', () => {
  it('reads the batch again as soon as one of its runs changes, not at the next poll', async () => {
    const client = fakeClient();
    client.getBatch.mockResolvedValueOnce(view('running')).mockResolvedValueOnce(view('succeeded'));
    let emit: (event: RunEvent) => void = () => undefined;
    client.events.mockImplementation(({ signal }: { signal: AbortSignal }) =>
      (async function* () {
        const events: RunEvent[] = [];
        let wake: (() => void) | null = null;
        emit = (event) => {
          events.push(event);
          wake?.();
        };
        while (!signal.aborted) {
          const next = events.shift();
          if (next) yield next;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      })(),
    );
    // A one-minute poll: only the event can end this within the test's timeout.
    const terminal = new MemoryStream(true);
    const following = followBatch(context(client, undefined, terminal), BATCH, {
      pollMs: 60_000,
      minGapMs: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    emit({ type: 'run.updated', at: '', tenantId: 't', runId: 'r1', status: 'succeeded', batchId: BATCH });
    expect((await following)?.status).toBe('succeeded');
    expect(client.getBatch).toHaveBeenCalledTimes(2);
    // On a terminal: a progress bar before the progress line.
    expect(terminal.text).toContain('[░░░░░░░░░░░░░░░░░░░░] 0% b0c1d2e3 running 0/2 done');
  });

  it('keeps polling when the event stream fails, and returns null when Ctrl+C detaches', async () => {
    const client = fakeClient();
    client.events.mockImplementation(() => {
      throw new Error('stream broke');
    });
    client.getBatch.mockResolvedValue(view('running'));
    const abort = new AbortController();
    const following = followBatch(context(client, abort.signal), BATCH, { pollMs: 5, minGapMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    abort.abort();
    expect(await following).toBeNull();
    expect(client.getBatch.mock.calls.length).toBeGreaterThan(2);
  });
});
