import { loadConfig } from '@gtr/config';
import { BatchesRepository, ProviderBatchesRepository } from '@gtr/data';
import { costOf } from '@gtr/engine';
import { APIError } from 'openai';
import { type MockLlm, startMockLlm } from '@gtr/mock-llm';
import { createLogger } from '@gtr/telemetry';
import { createTestDatabase, createTestTenant, type TestDatabase } from '@gtr/testing';
import { GtrError } from '@gtr/domain';
import { QueueName } from '@gtr/queue';
import { BatchCreator } from '../batches';
import { type Runtime, createRuntime } from '../runtime';
import { type BatchApiClient } from './batch-api-client';
import { PROVIDER_BATCH_PRICE_FACTOR } from './provider-batch-executor';
import {
  ProviderBatchRunner,
  type ProviderBatchRunnerOptions,
  batchApiClientsOf,
  cancelProviderBatches,
} from './provider-batch-runner';
import { waitFor } from '../../../test/wait-for';

const KEY = 'sk-test-provider-batches-0123456789';
const MODEL = 'gpt-4o-mini';

interface RunRow {
  id: string;
  status: string;
  output_text: string | null;
  error_code: string | null;
  attempt_count: number;
  cost_usd: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
}

describe('ProviderBatchExecutor against the mock Batch API', () => {
  let db: TestDatabase;
  let mock: MockLlm;
  let runtime: Runtime;
  let tenantId: string;
  let batches: BatchesRepository;
  let providerBatches: ProviderBatchesRepository;

  const runtimeOn = () =>
    createRuntime(
      loadConfig({
        DATABASE_URL: db.url,
        LOG_LEVEL: 'silent',
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: mock.url,
        GTR_DATA_DIR: '/tmp/gtr-provider-batch-spec-unused',
      }),
      {
        service: 'worker',
        migrate: false,
        logger: createLogger({ name: 'provider-batch-spec', level: 'silent' }),
      },
    );

  /** A worker's loop, not started: the spec ticks it by hand. Polls are never held back. */
  const runner = (options: ProviderBatchRunnerOptions = {}, on: Runtime = runtime) =>
    new ProviderBatchRunner(on, { pollIntervalMs: 0, ...options });

  beforeAll(async () => {
    db = await createTestDatabase();
    mock = await startMockLlm({ apiKey: KEY, batchDelayMs: 0 });
    runtime = await runtimeOn();
    tenantId = (await createTestTenant(db.dataSource)).id;
    batches = new BatchesRepository(db.dataSource);
    providerBatches = new ProviderBatchesRepository(db.dataSource);
  });

  afterAll(async () => {
    await runtime?.close();
    await mock?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE provider_batches, runs, batches CASCADE');
    mock.reset({ options: true });
  });

  async function createBatch(prompts: string[]): Promise<{ batchId: string; runIds: string[] }> {
    const created = await batches.createWithRuns(
      tenantId,
      { name: 'provider batch', mode: 'provider_batch' },
      prompts.map((content) => ({
        provider: 'openai',
        model: MODEL,
        messages: [{ role: 'user' as const, content }],
        timeoutMs: 30_000,
      })),
    );
    return { batchId: created.batchId, runIds: created.runs.map((run) => run.id) };
  }

  async function runsOf(batchId: string): Promise<RunRow[]> {
    return db.dataSource.query(
      `SELECT id, status, output_text, error_code, attempt_count, cost_usd, prompt_tokens, completion_tokens
       FROM runs WHERE batch_id = $1 ORDER BY batch_row`,
      [batchId],
    );
  }

  async function attemptsOf(batchId: string): Promise<number> {
    const [row] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM run_attempts a JOIN runs r ON r.id = a.run_id WHERE r.batch_id = $1`,
      [batchId],
    );
    return row.n as number;
  }

  it('splits a batch into several provider batches and maps success and error lines back by custom_id', async () => {
    const { batchId, runIds } = await createBatch([
      'Say one',
      'Please [[fail:500]]',
      'Say three',
      'Please [[fail:context]]',
      'Say five',
    ]);
    const loop = runner({ limits: { maxRequests: 2, maxBytes: 1024 * 1024 } });

    const first = await loop.tick();
    expect(first).toMatchObject({ planned: 3, submitted: 3 });
    const files = await providerBatches.findByBatch(tenantId, batchId);
    expect(files.map((file) => file.runIds)).toEqual([
      runIds.slice(0, 2),
      runIds.slice(2, 4),
      runIds.slice(4),
    ]);
    expect(
      files.every((file) => file.status === 'submitted' && file.providerBatchId && file.inputFileId),
    ).toBe(true);
    expect((await runsOf(batchId)).map((run) => run.status)).toEqual(Array(5).fill('running'));

    expect(await loop.tick()).toMatchObject({ planned: 0, submitted: 0, polled: 3, finished: 3 });
    const runs = await runsOf(batchId);
    expect(runs.map((run) => [run.status, run.output_text, run.error_code])).toEqual([
      ['succeeded', 'one', null],
      ['failed', null, 'E_SERVER_ERROR'],
      ['succeeded', 'three', null],
      ['failed', null, 'E_CONTEXT_LENGTH'],
      ['succeeded', 'five', null],
    ]);
    const [one] = runs;
    const fullPrice = costOf(MODEL, {
      promptTokens: one.prompt_tokens ?? 0,
      completionTokens: one.completion_tokens ?? 0,
      totalTokens: 0,
      cachedTokens: 0,
    });
    expect(Number(one.cost_usd)).toBeCloseTo((fullPrice ?? NaN) * PROVIDER_BATCH_PRICE_FACTOR, 10);
    expect(Number(one.cost_usd)).toBeGreaterThan(0);
    expect(await attemptsOf(batchId)).toBe(5);
    const [attempt] = await db.dataSource.query(
      `SELECT http_status, provider_request_id FROM run_attempts WHERE run_id = $1`,
      [runIds[1]],
    );
    expect(attempt).toMatchObject({ http_status: 500, provider_request_id: expect.stringMatching(/^req_/) });
    expect((await providerBatches.findByBatch(tenantId, batchId)).map((file) => file.status)).toEqual(
      Array(3).fill('finished'),
    );
    const stats = mock.stats();
    expect(stats.byPath['POST /v1/files']).toBe(3);
    expect(stats.byPath['POST /v1/batches']).toBe(3);
    expect(mock.duplicates()).toEqual([]);
    // Nothing is left to do: another tick touches nothing.
    expect(await loop.tick()).toEqual({ planned: 0, submitted: 0, polled: 0, finished: 0 });
  });

  it('resumes polling after a restart without submitting or recording anything twice', async () => {
    mock.configure({ batchDelayMs: 3_600_000 });
    const { batchId } = await createBatch(['Say alpha', 'Say beta', 'Say gamma']);
    const before = runner({ limits: { maxRequests: 2, maxBytes: 1024 * 1024 } });
    expect(await before.tick()).toMatchObject({ planned: 2, submitted: 2 });
    expect(await before.tick()).toMatchObject({ polled: 2, finished: 0 });
    const polled = await providerBatches.findByBatch(tenantId, batchId);
    expect(polled.map((file) => file.providerStatus)).toEqual(['validating', 'validating']);

    // The worker process dies; a new one (own runtime and pool) starts over the same database.
    const restarted = await runtimeOn();
    try {
      const after = runner({}, restarted);
      mock.configure({ batchDelayMs: 0 });
      expect(await after.tick()).toMatchObject({ planned: 0, submitted: 0, polled: 2, finished: 2 });
      expect((await runsOf(batchId)).map((run) => [run.status, run.output_text, run.attempt_count])).toEqual([
        ['succeeded', 'alpha', 1],
        ['succeeded', 'beta', 1],
        ['succeeded', 'gamma', 1],
      ]);
      // The old instance waking up late finds nothing to do, and a forced re-read records nothing.
      expect(await before.tick()).toEqual({ planned: 0, submitted: 0, polled: 0, finished: 0 });
      await db.dataSource.query(`UPDATE provider_batches SET status = 'submitted' WHERE batch_id = $1`, [
        batchId,
      ]);
      expect(await before.tick()).toMatchObject({ polled: 2, finished: 2 });
      expect(await attemptsOf(batchId)).toBe(3);
    } finally {
      await restarted.close();
    }
    const stats = mock.stats();
    expect(stats.byPath['POST /v1/files']).toBe(2);
    expect(stats.byPath['POST /v1/batches']).toBe(2);
    expect(stats.byPath['POST /v1/chat/completions']).toBe(3);
    expect(mock.duplicates()).toEqual([]);
  });

  it('never lets two workers submit the same file', async () => {
    const { batchId } = await createBatch(['Say a', 'Say b', 'Say c', 'Say d']);
    const other = await runtimeOn();
    try {
      const limits = { maxRequests: 1, maxBytes: 1024 * 1024 };
      const summaries = await Promise.all([runner({ limits }).tick(), runner({ limits }, other).tick()]);
      expect(summaries[0].submitted + summaries[1].submitted).toBe(4);
    } finally {
      await other.close();
    }
    expect(mock.stats().byPath['POST /v1/batches']).toBe(4);
    expect((await providerBatches.findByBatch(tenantId, batchId)).length).toBe(4);
  });

  it('cancels the provider batch of a cancelled batch and records nothing for its runs', async () => {
    mock.configure({ batchDelayMs: 3_600_000 });
    const { batchId } = await createBatch(['Say x', 'Say y']);
    const loop = runner();
    expect(await loop.tick()).toMatchObject({ submitted: 1 });
    await batches.cancel(tenantId, batchId);
    expect(await cancelProviderBatches(runtime, tenantId, batchId)).toBe(1);
    expect(await loop.tick()).toMatchObject({ polled: 1, finished: 1 });
    const [file] = await providerBatches.findByBatch(tenantId, batchId);
    expect(file).toMatchObject({ status: 'finished', providerStatus: 'cancelled' });
    expect((await runsOf(batchId)).map((run) => run.status)).toEqual(['cancelled', 'cancelled']);
    expect(await attemptsOf(batchId)).toBe(0);
    expect(mock.stats().byPath['POST /v1/chat/completions']).toBeUndefined();
  });

  it('stores a provider_batch batch without enqueueing its runs, and refuses a provider with no Batch API', async () => {
    const creator = new BatchCreator(runtime);
    const rows = ['{"prompt":"Say first"}\n{"prompt":"Say second"}\n'];
    const waitingBefore = (await runtime.queue.counts(QueueName.Runs)).waiting;
    const { result } = await creator.execute({
      tenantId,
      submission: { provider: 'openai', model: MODEL, options: { mode: 'provider_batch' } },
      source: rows,
      fileName: 'rows.jsonl',
    });
    expect(result.batch).toMatchObject({ mode: 'provider_batch', total: 2 });
    expect((await runtime.queue.counts(QueueName.Runs)).waiting).toBe(waitingBefore);
    const loop = runner();
    expect(await loop.tick()).toMatchObject({ planned: 1, submitted: 1 });
    await loop.tick();
    const runs = await runsOf(result.batch.id);
    expect(runs.map((run) => [run.status, run.output_text])).toEqual([
      ['succeeded', 'first'],
      ['succeeded', 'second'],
    ]);

    const refused = await creator
      .execute({
        tenantId,
        submission: { provider: 'dry-run', options: { mode: 'provider_batch' } },
        source: rows,
        fileName: 'rows.jsonl',
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GtrError);
    expect(refused).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'options.mode' }] });
    expect((refused as GtrError).message).toMatch(/options\.mode "queue"/);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM batches');
    expect(n).toBe(1);
  });

  /** The real client of the openai provider, with some calls replaced. */
  function withClient(change: (real: BatchApiClient) => Partial<BatchApiClient>) {
    return (provider: string): BatchApiClient | null => {
      const real = batchApiClientsOf(runtime.config)(provider);
      return real && { ...real, ...change(real) };
    };
  }
  const withCreateBatch = (createBatch: BatchApiClient['createBatch']) => withClient(() => ({ createBatch }));

  it('runs in the background of a worker until stopped', async () => {
    const { batchId } = await createBatch(['Say background']);
    const loop = runner({ tickIntervalMs: 5 });
    loop.start();
    loop.start();
    try {
      await waitFor(async () => ((await runsOf(batchId))[0].status === 'succeeded' ? true : undefined));
    } finally {
      await loop.stop();
    }
    expect((await runsOf(batchId))[0].output_text).toBe('background');
  });

  it('fails the runs of a provider batch that failed, with the reasons the provider gave', async () => {
    const { batchId } = await createBatch(['Say failing']);
    const loop = runner({
      clientFor: withClient((real) => ({
        retrieveBatch: async (id) => ({
          ...(await real.retrieveBatch(id)),
          status: 'failed',
          outputFileId: null,
          errorFileId: null,
          errors: ['line 1: invalid_request: bad body'],
        }),
      })),
    });
    await loop.tick();
    expect(await loop.tick()).toMatchObject({ finished: 1 });
    expect(await runsOf(batchId)).toEqual([
      expect.objectContaining({ status: 'failed', error_code: 'E_INPUT' }),
    ]);
    const [attempt] = await db.dataSource.query(
      'SELECT a.error_message FROM run_attempts a JOIN runs r ON r.id = a.run_id WHERE r.batch_id = $1',
      [batchId],
    );
    expect(attempt.error_message).toMatch(/line 1: invalid_request: bad body/);
    const [file] = await providerBatches.findByBatch(tenantId, batchId);
    expect(file.errorMessage).toBe('The provider batch ended failed.');
  });

  it('cancels the copy when another worker took the submission over meanwhile', async () => {
    const { batchId } = await createBatch(['Say twice']);
    const slow = runner({
      clientFor: withClient((real) => ({
        createBatch: async (fileId, metadata) => {
          // Another worker takes the file over while this one's create call is on its way.
          await db.dataSource.query(
            `UPDATE provider_batches SET lease_owner = 'someone-else' WHERE batch_id = $1`,
            [batchId],
          );
          return real.createBatch(fileId, metadata);
        },
      })),
    });
    expect(await slow.tick()).toMatchObject({ planned: 1, submitted: 0 });
    const [file] = await providerBatches.findByBatch(tenantId, batchId);
    expect(file).toMatchObject({ status: 'submitting', providerBatchId: null });
    const created = mock.stats().byPath['POST /v1/batches'];
    expect(created).toBe(1);
    expect(Object.keys(mock.stats().byPath).some((path) => path.endsWith('/cancel'))).toBe(true);
  });

  it('resumes a submission cut off after the upload without uploading again', async () => {
    const { batchId } = await createBatch(['Say once']);
    const cutOff = runner({
      submitLeaseMs: 0,
      clientFor: withCreateBatch(() => Promise.reject(new Error('socket hang up'))),
    });
    expect(await cutOff.tick()).toMatchObject({ planned: 1, submitted: 0 });
    const [file] = await providerBatches.findByBatch(tenantId, batchId);
    expect(file).toMatchObject({ status: 'submitting', providerBatchId: null });
    expect(file.inputFileId).toMatch(/^file-/);
    const loop = runner();
    expect(await loop.tick()).toMatchObject({ submitted: 1 });
    await loop.tick();
    expect((await runsOf(batchId)).map((run) => [run.status, run.attempt_count])).toEqual([['succeeded', 1]]);
    expect(mock.stats().byPath['POST /v1/files']).toBe(1);
  });

  it('finds the provider batch a worker created before it died instead of creating another', async () => {
    const { batchId } = await createBatch(['Say found']);
    const dying = runner({
      submitLeaseMs: 0,
      clientFor: withClient((real) => ({
        createBatch: async (fileId, metadata) => {
          await real.createBatch(fileId, metadata);
          throw new Error('worker died before storing the batch id');
        },
      })),
    });
    expect(await dying.tick()).toMatchObject({ submitted: 0 });
    const loop = runner();
    expect(await loop.tick()).toMatchObject({ submitted: 1 });
    await loop.tick();
    expect((await runsOf(batchId)).map((run) => [run.status, run.output_text])).toEqual([
      ['succeeded', 'found'],
    ]);
    expect(mock.stats().byPath['POST /v1/batches']).toBe(1);
    expect(mock.stats().byPath['POST /v1/files']).toBe(1);
  });

  it('fails the runs when the provider refuses the batch, with its reason', async () => {
    const { batchId } = await createBatch(['Say refused']);
    const body = { error: { message: 'Invalid file', type: 'invalid_request_error', code: null } };
    const refusing = runner({
      clientFor: withCreateBatch(() =>
        Promise.reject(APIError.generate(400, body, undefined, new Headers())),
      ),
    });
    expect(await refusing.tick()).toMatchObject({ submitted: 0 });
    expect(await runsOf(batchId)).toEqual([
      expect.objectContaining({ status: 'failed', error_code: 'E_INPUT' }),
    ]);
    const [file] = await providerBatches.findByBatch(tenantId, batchId);
    expect(file).toMatchObject({ status: 'finished', errorMessage: expect.stringContaining('Invalid file') });
  });

  it('fails the runs of a provider with no Batch API, naming what to do', async () => {
    const created = await batches.createWithRuns(tenantId, { name: 'dry' }, [
      {
        provider: 'dry-run',
        model: 'dry-run-1',
        messages: [{ role: 'user', content: 'Say z' }],
        timeoutMs: 1000,
      },
    ]);
    await db.dataSource.query(`UPDATE batches SET mode = 'provider_batch' WHERE id = $1`, [created.batchId]);
    await runner().tick();
    const [run] = await runsOf(created.batchId);
    expect(run).toMatchObject({ status: 'failed', error_code: 'E_CONFIG_PROVIDER' });
    const [file] = await providerBatches.findByBatch(tenantId, created.batchId);
    expect(file.errorMessage).toMatch(/options\.mode "queue"/);
  });
});
