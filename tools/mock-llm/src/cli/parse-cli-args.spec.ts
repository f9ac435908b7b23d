import { parseCliArgs } from './parse-cli-args';

describe('parseCliArgs', () => {
  it('maps every flag to an option', () => {
    const request = parseCliArgs([
      '--port',
      '4011',
      '--host',
      '0.0.0.0',
      '--latency',
      '200',
      '--jitter',
      '20',
      '--rpm',
      '600',
      '--tpm',
      '100000',
      '--window',
      'second',
      '--api-key',
      'sk-test',
      '--default-max-tokens',
      '64',
      '--context-window',
      '8000',
      '--models',
      'a, b,',
      '--quota-exhausted',
      '--fault',
      'error500=0.05',
      '--fault',
      'hang=0.01',
      '--fail-next',
      'error503=2',
      '--batch-delay',
      '50',
      '--seed',
      '7',
    ]);
    expect(request).toEqual({
      help: false,
      options: {
        port: 4011,
        host: '0.0.0.0',
        latencyMs: 200,
        jitterMs: 20,
        rpm: 600,
        tpm: 100000,
        limitWindow: 'second',
        apiKey: 'sk-test',
        defaultMaxTokens: 64,
        contextWindowTokens: 8000,
        models: ['a', 'b'],
        quotaExhausted: true,
        faults: { error500: 0.05, hang: 0.01 },
        failNext: { error503: 2 },
        batchDelayMs: 50,
        seed: 7,
      },
    });
  });

  it('defaults to port 4010 and sets nothing else', () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: { port: 4010 } });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--latency', 'soon'], '--latency must be an integer'],
    [['--rpm', ''], '--rpm must be an integer'],
    [['--window', 'hour'], '--window must be "minute" or "second"'],
    [['--fault', 'teapot=1'], '--fault expects <kind>=<value>'],
    [['--fault', 'hang'], '--fault expects <kind>=<value>'],
    [['--fault', 'hang=often'], '--fault rate must be a number'],
    [['--fail-next', 'hang=1.5'], '--fail-next must be an integer'],
    [['--nope'], "Unknown option '--nope'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
