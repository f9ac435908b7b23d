import { type ClaimedRun } from '@gtr/data';
import {
  type AttemptOutcome,
  type Provider,
  type RateLimiter,
  ConcurrencyController,
  createInProcessRateLimiter,
} from '@gtr/engine';
import { capturingLogger } from '../../test/capturing-logger';
import { ANSWER } from '../../test/run-fixtures';
import { RunPacer } from './run-pacer';

const RUN = { runId: 'run-1', provider: 'openai', model: 'gpt-4o-mini' } as ClaimedRun;
const REQUEST = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }], params: {} };
const OK: AttemptOutcome = { ok: true, latencyMs: 5, result: ANSWER };
const paid = { name: 'openai' } as Provider;

function pacer(limiter: RateLimiter = createInProcessRateLimiter()) {
  const log = capturingLogger('run-pacer-spec');
  return { log, pacer: new RunPacer(limiter, new ConcurrencyController({ max: 2 }), [], log.logger) };
}

describe('RunPacer', () => {
  it('sends a free provider’s call at once, and paces a paid one', async () => {
    const { pacer: p } = pacer();
    const signal = new AbortController().signal;
    expect(await p.call({ ...paid, free: true }, RUN, REQUEST, signal, async () => OK)).toEqual({
      ...OK,
      waitedMs: 0,
    });
    const outcome = await p.call(paid, RUN, REQUEST, signal, async () => OK);
    expect(outcome).toMatchObject({ ok: true, waitedMs: expect.any(Number) });
  });

  it('sends nothing when cancelled while waiting, and says so', async () => {
    const { pacer: p } = pacer();
    const abort = new AbortController();
    abort.abort();
    const send = jest.fn(async () => OK);
    const outcome = await p.call(paid, RUN, REQUEST, abort.signal, send);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing when the limiter is unavailable, a retryable queue error', async () => {
    const broken = createInProcessRateLimiter();
    jest.spyOn(broken, 'acquire').mockRejectedValue(new Error('redis down'));
    const { pacer: p, log } = pacer(broken);
    const send = jest.fn(async () => OK);
    const outcome = await p.call(paid, RUN, REQUEST, new AbortController().signal, send);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'E_SYSTEM_QUEUE' } });
    expect(send).not.toHaveBeenCalled();
    expect(log.text()).toContain('rate limiter unavailable');
  });

  it('keeps the answer when recording it with the limiter fails', async () => {
    const limiter = createInProcessRateLimiter();
    jest.spyOn(limiter, 'learn').mockRejectedValue(new Error('redis down'));
    const { pacer: p, log } = pacer(limiter);
    const outcome = await p.call(paid, RUN, REQUEST, new AbortController().signal, async () => OK);
    expect(outcome.ok).toBe(true);
    expect(log.text()).toContain('rate limiter update failed');
  });
});
