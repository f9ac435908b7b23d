import { StatsRecorder } from './stats-recorder';

describe('StatsRecorder', () => {
  it('counts requests, outcomes, in-flight and tokens', () => {
    const stats = new StatsRecorder();
    stats.requestStarted('POST /v1/chat/completions');
    stats.requestStarted('POST /v1/chat/completions');
    stats.requestStarted('GET /v1/models');
    expect(stats.snapshot()).toMatchObject({ totalRequests: 3, inFlight: 3, maxInFlight: 3 });
    stats.requestEnded(true, 200);
    stats.requestEnded(false, 200);
    stats.requestEnded(true, null);
    for (const status of [429, 500, 503, 400, 401]) {
      stats.requestStarted('POST /v1/chat/completions');
      stats.requestEnded(true, status);
    }
    stats.tokensUsed(10, 3);
    expect(stats.snapshot()).toMatchObject({
      totalRequests: 8,
      byPath: { 'POST /v1/chat/completions': 7, 'GET /v1/models': 1 },
      chatCompletions: { ok: 1, rateLimited: 1, serverErrors: 2, clientErrors: 2, aborted: 1 },
      tokens: { prompt: 10, completion: 3 },
      inFlight: 0,
      maxInFlight: 3,
    });
  });

  it('lists prompts seen more than once, most repeated first', () => {
    const stats = new StatsRecorder();
    expect(stats.promptReceived('b')).toBe(1);
    expect(stats.promptReceived('b')).toBe(2);
    stats.promptReceived('a');
    stats.promptReceived('c');
    stats.promptReceived('c');
    stats.promptReceived('c');
    stats.promptReceived('a');
    expect(stats.duplicates()).toEqual([
      { fingerprint: 'c', count: 3 },
      { fingerprint: 'a', count: 2 },
      { fingerprint: 'b', count: 2 },
    ]);
  });

  it('counts a prompt answered twice once, and not one only sent again', () => {
    const stats = new StatsRecorder();
    stats.promptReceived('retried-after-429');
    stats.promptReceived('retried-after-429');
    stats.promptAnswered('retried-after-429');
    for (let i = 0; i < 3; i += 1) stats.promptAnswered('answered-thrice');
    expect(stats.snapshot().promptsAnsweredTwice).toBe(1);
    stats.reset();
    stats.promptAnswered('answered-thrice');
    expect(stats.snapshot().promptsAnsweredTwice).toBe(0);
  });

  it('hands out copies and keeps open requests across a reset', () => {
    const stats = new StatsRecorder();
    stats.requestStarted('GET /v1/models');
    stats.promptReceived('x');
    stats.snapshot().promptCounts['x'] = 99;
    expect(stats.snapshot().promptCounts).toEqual({ x: 1 });
    stats.reset();
    expect(stats.snapshot()).toMatchObject({
      totalRequests: 0,
      inFlight: 1,
      maxInFlight: 1,
      promptCounts: {},
    });
    stats.requestEnded(false, 200);
    stats.requestEnded(false, 200);
    expect(stats.snapshot().inFlight).toBe(0);
  });
});
