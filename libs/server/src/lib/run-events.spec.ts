import { type RunEvent } from '@gtr/domain';
import { type EventBus, createEventBus, subscribeRunEvents } from '@gtr/queue';
import { isRunCancelMessage, notifyRunChanged } from './run-events';

describe('isRunCancelMessage', () => {
  it.each([
    [{ type: 'run.cancel', runId: 'r1' }, true],
    [{ type: 'run.cancel', runId: 'r1', extra: 1 }, true],
    [{ type: 'run.cancel' }, false],
    [{ type: 'run.cancel', runId: 7 }, false],
    [{ type: 'run.updated', runId: 'r1' }, false],
    [null, false],
    ['run.cancel', false],
    [undefined, false],
  ])('%j → %s', (message, expected) => {
    expect(isRunCancelMessage(message)).toBe(expected);
  });
});

describe('notifyRunChanged', () => {
  let bus: EventBus;
  beforeEach(() => {
    bus = createEventBus({ prefix: `run-events-spec-${Math.random()}` });
  });
  afterEach(() => bus.close());

  it('publishes a run.updated event on the tenant channel', async () => {
    const received: RunEvent[] = [];
    await subscribeRunEvents(bus, 'tenant-1', (event) => received.push(event));
    await notifyRunChanged(bus, { tenantId: 'tenant-1', runId: 'run-1', status: 'succeeded', batchId: null });
    await new Promise((resolve) => setImmediate(resolve));

    expect(received).toEqual([
      {
        type: 'run.updated',
        tenantId: 'tenant-1',
        runId: 'run-1',
        status: 'succeeded',
        batchId: null,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
  });

  it('never throws: a lost event only delays a screen update', async () => {
    await bus.close();
    await expect(
      notifyRunChanged(bus, { tenantId: 'tenant-1', runId: 'run-1', status: 'failed', batchId: 'b1' }),
    ).resolves.toBeUndefined();
  });
});
