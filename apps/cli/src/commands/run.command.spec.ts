import { GtrApiError, GtrNetworkError } from '@gtr/client';
import { fakeClient, gtr, TEST_KEY, waitThrough } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

const ID = '7f1c2d3e-0000-4000-8000-000000000001';

describe('gtr run', () => {
  it('creates the run from the flags and prints its id and status', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID, status: 'queued' }));

    const result = await gtr(
      [
        'run',
        '-p',
        'Say hi',
        '--system',
        'Be brief',
        '-m',
        'gpt-4o',
        '--provider',
        'openai',
        '-t',
        '0',
        '--max-tokens',
        '64',
        '--top-p',
        '0.9',
        '--seed',
        '7',
        '--idempotency-key',
        'job-1',
        '--metadata',
        '{"team":"search"}',
      ],
      { client },
    );

    expect(result).toMatchObject({ code: 0, stdout: `${ID} queued\n`, stderr: '' });
    expect(client.createRun).toHaveBeenCalledWith(
      {
        prompt: 'Say hi',
        system: 'Be brief',
        model: 'gpt-4o',
        provider: 'openai',
        params: { temperature: 0, maxTokens: 64, topP: 0.9, seed: 7 },
        metadata: { team: 'search' },
        idempotencyKey: 'job-1',
      },
      { signal: undefined },
    );
    expect(result.clientOptions).toEqual([{ baseUrl: 'http://api.test', apiKey: TEST_KEY }]);
  });

  it('sends only the prompt when no other flag is given', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture());
    await gtr(['run', '--prompt', 'hi'], { client });
    expect(client.createRun.mock.calls[0][0]).toEqual({ prompt: 'hi' });
  });

  it('prints the created run as JSON with --json', async () => {
    const client = fakeClient();
    const run = runFixture();
    client.createRun.mockResolvedValue(run);
    const result = await gtr(['run', '-p', 'hi', '--json'], { client });
    expect(JSON.parse(result.stdout)).toEqual(run);
  });

  it.each([
    [['-t', 'abc'], 32, 'error E_VALIDATION_TYPE: --temperature must be a number'],
    [['--max-tokens', '1.5'], 32, 'error E_VALIDATION_TYPE: --max-tokens must be an integer'],
    [['--top-p', ''], 32, 'error E_VALIDATION_TYPE: --top-p must be a number'],
    [['--metadata', '[]'], 32, 'error E_VALIDATION_TYPE: --metadata must be a JSON object'],
    [
      ['--temperature'],
      31,
      "error E_VALIDATION_MISSING_FIELD: option '-t, --temperature <t>' argument missing",
    ],
    [['--colour'], 30, "error E_VALIDATION: unknown option '--colour'"],
  ])('rejects bad flags %j with exit %i before calling the API', async (flags, code, message) => {
    const client = fakeClient();
    const result = await gtr(['run', '-p', 'hi', ...flags], { client });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('hint: See `gtr <command> --help` for the flags.');
    expect(client.createRun).not.toHaveBeenCalled();
  });

  it('requires a prompt or a task (exit 31)', async () => {
    const result = await gtr(['run']);
    expect(result.code).toBe(31);
    expect(result.stderr).toContain(
      'error E_VALIDATION_MISSING_FIELD: give --prompt <text>, or --task <name> to run a task',
    );
  });

  it('prints an API validation error with its field issues and exits 30', async () => {
    const client = fakeClient();
    client.createRun.mockRejectedValue(
      new GtrApiError(
        400,
        'E_VALIDATION',
        'Invalid request: params.temperature Too big: expected number to be <=2',
        [{ field: 'params.temperature', message: 'Too big: expected number to be <=2' }],
        'Fix the fields named in the error.',
      ),
    );
    const result = await gtr(['run', '-p', 'hi', '-t', '3'], { client });
    expect(result.code).toBe(30);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error E_VALIDATION: Invalid request: params.temperature Too big: expected number to be <=2\n' +
        '  - params.temperature: Too big: expected number to be <=2\n' +
        'hint: Fix the fields named in the error.\n',
    );
  });

  it('exits 16 with the URL and the fix when the API cannot be reached', async () => {
    const client = fakeClient();
    client.createRun.mockRejectedValue(
      new GtrNetworkError('http://api.test', 'connect ECONNREFUSED 127.0.0.1:3000'),
    );
    const result = await gtr(['run', '-p', 'hi'], { client });
    expect(result.code).toBe(16);
    expect(result.stderr).toContain('Cannot reach the gtr API at http://api.test');
    expect(result.stderr).toContain('npm start');
  });

  it('exits 41 without an API key, naming how to provide one', async () => {
    const result = await gtr(['run', '-p', 'hi'], { env: { GTR_DATA_DIR: '/nonexistent/gtr-cli-spec' } });
    expect(result.code).toBe(41);
    expect(result.stderr).toContain('error E_CONFIG_MISSING: No API key: set GTR_API_KEY');
    expect(result.clientOptions).toEqual([]);
  });

  it('exits 40 naming the variable when the configuration is invalid', async () => {
    const result = await gtr(['run', '-p', 'hi'], {
      env: { GTR_API_URL: 'nope', GTR_API_KEY: TEST_KEY, GTR_DATA_DIR: '/nonexistent/x' },
    });
    expect(result.code).toBe(40);
    expect(result.stderr).toContain('GTR_API_URL');
    expect(result.stderr).not.toContain(TEST_KEY);
  });

  it('never prints the API key, even when an error carries it', async () => {
    const client = fakeClient();
    client.createRun.mockRejectedValue(
      new GtrApiError(401, 'E_AUTH', `Key ${TEST_KEY} is revoked`, [], 'Check the API key.'),
    );
    const result = await gtr(['run', '-p', 'hi'], { client });
    expect(result.code).toBe(12);
    expect(result.stderr).toContain('Key *** is revoked');
    expect(result.stderr).toContain('hint: The key in use came from GTR_API_KEY.');
    expect(result.stdout + result.stderr).not.toContain(TEST_KEY);
  });
});

describe('gtr run --wait', () => {
  const done = runFixture({
    id: ID,
    status: 'succeeded',
    output: { text: 'Hi!', json: null },
    usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7, cachedTokens: 0 },
    costUsd: 0.00001,
    durationMs: 1500,
    attemptCount: 1,
  });

  it('prints the answer on stdout and the summary on stderr', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [runFixture({ id: ID, status: 'running', attemptCount: 1 }), done]);

    const result = await gtr(['run', '-p', 'hi', '-w'], { client });

    expect(result).toMatchObject({ code: 0, stdout: 'Hi!\n' });
    expect(result.stderr).toBe(
      'gpt-4o-mini · succeeded · 5 prompt + 2 completion tokens · $0.00001 · 1.5s\n',
    );
    expect(client.waitForRun).toHaveBeenCalledWith(
      ID,
      expect.objectContaining({ onUpdate: expect.any(Function) }),
    );
  });

  it('shows a status line and a dim summary when stderr is a terminal', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [runFixture({ id: ID, status: 'running' }), done]);

    const result = await gtr(['run', '-p', 'hi', '--wait'], { client, tty: true });

    expect(result.stderr).toContain('7f1c2d3e waiting');
    expect(result.stderr).toContain('7f1c2d3e running');
    expect(result.stderr).toContain('\r\x1b[2K\x1b[2mgpt-4o-mini · succeeded');
    expect(result.stdout).toBe('Hi!\n');
  });

  it('prints the final run as JSON with --json', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [done]);
    const result = await gtr(['run', '-p', 'hi', '-w', '--json'], { client });
    expect(JSON.parse(result.stdout)).toEqual(done);
    expect(result.stderr).toBe('');
  });

  it('exits with the exit code of the error a failed run ended with', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [
      runFixture({
        id: ID,
        status: 'failed',
        attemptCount: 3,
        error: { code: 'E_RATE_LIMIT', message: 'Rate limit reached for gpt-4o-mini' },
      }),
    ]);

    const result = await gtr(['run', '-p', 'hi', '-w'], { client });

    expect(result.code).toBe(10);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error E_RATE_LIMIT: Rate limit reached for gpt-4o-mini\n' +
        'hint: Lower concurrency or raise the limit; the run is retried with backoff.\n' +
        'gpt-4o-mini · failed · 3 attempts\n',
    );
  });

  it('exits 63 when the run was cancelled', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [runFixture({ id: ID, status: 'cancelled' })]);
    const result = await gtr(['run', '-p', 'hi', '-w'], { client });
    expect(result.code).toBe(63);
    expect(result.stderr).toContain('error E_CANCELLED: The run was cancelled.');
  });

  it('reports a failed run without an error as E_UNKNOWN (exit 70)', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [runFixture({ id: ID, status: 'failed' })]);
    const result = await gtr(['run', '-p', 'hi', '-w'], { client });
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('error E_UNKNOWN: The run ended failed without an error.');
  });

  it('stops waiting on Ctrl+C with exit 130 and says how to follow the run', async () => {
    const controller = new AbortController();
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    client.waitForRun.mockImplementation(async (_id: string, options: { signal?: AbortSignal }) => {
      controller.abort();
      options.signal?.throwIfAborted();
      throw new Error('unreachable');
    });

    const result = await gtr(['run', '-p', 'hi', '-w'], { client, signal: controller.signal, tty: true });

    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Stopped waiting; the run goes on. Follow it with: gtr runs watch ${ID}`);
    // The status line is cleared before the message, so the message starts on a clean line.
    expect(result.stderr).toContain('\r\x1b[2K\x1b[2mStopped waiting');
  });

  it('reports an error while waiting like any other error', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    client.waitForRun.mockRejectedValue(
      new GtrApiError(404, 'E_NOT_FOUND', 'Run not found', [], 'Check the id.'),
    );
    const result = await gtr(['run', '-p', 'hi', '-w'], { client });
    expect(result.code).toBe(13);
    expect(result.stderr).toBe('error E_NOT_FOUND: Run not found\nhint: Check the id.\n');
  });
});
