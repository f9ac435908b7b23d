import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';
import { Metrics } from './metrics';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line with service, level label and ISO time', () => {
    const out = capture();
    createLogger({ name: 'api', level: 'info', destination: out.stream }).info({ runId: 'r1' }, 'hello');
    const [line] = out.lines();
    expect(line).toMatchObject({ service: 'api', level: 'info', runId: 'r1', msg: 'hello' });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('redacts keys, auth headers and connection strings', () => {
    const out = capture();
    const logger = createLogger({ name: 'api', level: 'info', destination: out.stream });
    logger.info({
      apiKey: 'gtr_secret1',
      req: { headers: { authorization: 'Bearer gtr_secret2', cookie: 'k=gtr_secret3' } },
      config: { DATABASE_URL: 'postgres://u:secret4@h/db', OPENAI_API_KEY: 'sk-secret5' },
    });
    const text = JSON.stringify(out.lines());
    for (const secret of ['secret1', 'secret2', 'secret3', 'secret4', 'secret5'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('routes Nest log calls to the matching levels', () => {
    const out = capture();
    const nest = new PinoNestLogger(createLogger({ name: 'w', level: 'trace', destination: out.stream }));
    nest.log('a', 'Ctx');
    nest.error('b', 'stack', 'Ctx');
    nest.warn('c');
    nest.debug('d');
    nest.verbose('e');
    expect(out.lines().map((l) => [l.level, l.msg])).toEqual([
      ['info', 'a'],
      ['error', 'b'],
      ['warn', 'c'],
      ['debug', 'd'],
      ['trace', 'e'],
    ]);
  });
});

describe('Metrics', () => {
  it('renders gtr metrics in the Prometheus text format with the service label', async () => {
    const metrics = new Metrics('worker');
    metrics.runsFinished.inc({ status: 'succeeded', error_code: '', provider: 'dry-run' });
    metrics.providerLatency.observe({ provider: 'dry-run' }, 0.2);
    const text = await metrics.render();
    expect(text).toMatch(
      /gtr_runs_finished_total\{status="succeeded",error_code="",provider="dry-run",service="worker"\} 1/,
    );
    expect(text).toContain('gtr_provider_call_seconds_bucket');
    expect(metrics.contentType()).toContain('text/plain');
  });
});
