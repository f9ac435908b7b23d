import { loadConfig } from '@gtr/config';
import { TasksRepository } from '@gtr/data';
import { GtrError, type TaskView } from '@gtr/domain';
import { QueueName, type QueueDriver } from '@gtr/queue';
import { type TaskFileRow } from '@gtr/task-files';
import { createTestDatabase, createTestTenant, type TestDatabase } from '@gtr/testing';
import { capturingLogger } from '../../../test/capturing-logger';
import { type Runtime, createRuntime } from '../runtime';
import { BatchCreator } from './batch-creator';
import { TruncatedIssuesError } from './truncated-issues.error';

type AddedJobs = Parameters<QueueDriver['addBulk']>[1];

const jsonl = (...rows: object[]) => rows.map((row) => `${JSON.stringify(row)}\n`);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function caught(promise: Promise<unknown>): Promise<GtrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GtrError) return error;
    throw error;
  }
  throw new Error('expected a GtrError');
}

describe('BatchCreator', () => {
  let db: TestDatabase;
  let runtime: Runtime;
  let tenantId: string;
  let tasks: TasksRepository;
  let jobs: AddedJobs[];
  let creator: BatchCreator;
  const logs = capturingLogger('batch-creator-spec', 'info');

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = await createRuntime(
      loadConfig({
        DATABASE_URL: db.url,
        LOG_LEVEL: 'silent',
        GTR_DATA_DIR: '/tmp/gtr-batch-creator-unused',
      }),
      { service: 'api', migrate: false, logger: logs.logger },
    );
    tenantId = (await createTestTenant(db.dataSource)).id;
    tasks = new TasksRepository(db.dataSource);
  });

  afterAll(async () => {
    await runtime?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    await db.dataSource.query('TRUNCATE batches, runs, tasks CASCADE');
    jobs = [];
    const queue: QueueDriver = {
      ...runtime.queue,
      addBulk: async (queueName, added) => {
        expect(queueName).toBe(QueueName.Runs);
        jobs.push(added as AddedJobs);
      },
    };
    creator = new BatchCreator({ ...runtime, queue });
    logs.lines.length = 0;
  });

  const greet = (provider: string | null = null): Promise<TaskView> =>
    tasks.create(tenantId, 'greet', {
      description: null,
      messages: [{ role: 'user', content: 'Hello {{name}}' }],
      provider,
      model: null,
      params: {},
      outputSchema: null,
      retryPolicy: {},
      timeoutMs: null,
      tags: [],
    });

  it('stores ad-hoc rows as one batch and enqueues each run with the batch priority and cap', async () => {
    const { result, created } = await creator.execute({
      tenantId,
      submission: { name: 'b', options: { priority: 9, concurrency: 2 } },
      source: jsonl({ id: 'a', prompt: 'one' }, { id: 'b', prompt: 'two', temperature: 0 }),
      format: 'jsonl',
    });
    expect(created).toBe(true);
    expect(result.batch).toMatchObject({ name: 'b', total: 2, status: 'queued' });
    const runs = await db.dataSource.query('SELECT id, messages, params FROM runs ORDER BY batch_row');
    expect(runs.map((run: { messages: unknown }) => run.messages)).toEqual([
      [{ role: 'user', content: 'one' }],
      [{ role: 'user', content: 'two' }],
    ]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].map((job) => job.payload)).toEqual(
      runs.map((run: { id: string }) => ({
        runId: run.id,
        tenantId,
        batch: { id: result.batch.id, concurrency: 2 },
      })),
    );
    expect(jobs[0].every((job) => job.priority === 1000 - 9)).toBe(true);
  });

  it('replays an idempotency key: the first batch, nothing stored or enqueued again', async () => {
    const command = {
      tenantId,
      submission: {},
      source: jsonl({ prompt: 'x' }),
      format: 'jsonl' as const,
      idempotencyKey: 'k1',
    };
    const first = await creator.execute(command);
    const again = await creator.execute(command);
    expect(again).toEqual({
      created: false,
      result: { batch: first.result.batch, skippedRows: 0, issues: [], moreIssues: 0 },
    });
    expect(jobs).toHaveLength(1);
  });

  it('refuses invalid rows naming row and field and stores nothing, unless skipInvalid', async () => {
    const source = () => jsonl({ prompt: 'ok' }, { prompt: 'bad', temperature: 'hot' });
    const error = await caught(
      creator.execute({ tenantId, submission: {}, source: source(), format: 'jsonl' }),
    );
    expect(error).toBeInstanceOf(TruncatedIssuesError);
    expect(error.message).toMatch(/^1 of 2 rows are invalid: row 2, temperature/);
    expect(error.issues).toEqual([expect.objectContaining({ row: 2, field: 'temperature' })]);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM batches')).toEqual([{ n: 0 }]);
    const skipped = await creator.execute({
      tenantId,
      submission: { options: { skipInvalid: true } },
      source: source(),
      format: 'jsonl',
    });
    expect(skipped.result).toMatchObject({ skippedRows: 1, batch: { total: 1 } });
  });

  it('renders task rows and names the task or version it cannot find', async () => {
    await greet();
    const { result } = await creator.execute({
      tenantId,
      submission: { task: 'greet' },
      source: jsonl({ name: 'Ada' }),
      format: 'jsonl',
    });
    expect(result.batch.total).toBe(1);
    const [run] = await db.dataSource.query('SELECT messages, input, task_version FROM runs');
    expect(run).toEqual({
      messages: [{ role: 'user', content: 'Hello Ada' }],
      input: { name: 'Ada' },
      task_version: 1,
    });
    const missing = await caught(
      creator.execute({
        tenantId,
        submission: { task: 'nobody' },
        source: jsonl({ name: 'x' }),
        format: 'jsonl',
      }),
    );
    expect(missing).toMatchObject({ code: 'E_NOT_FOUND', message: 'Task "nobody" not found.' });
    const version = await caught(
      creator.execute({
        tenantId,
        submission: { task: 'greet', version: 4 },
        source: jsonl({ name: 'x' }),
        format: 'jsonl',
      }),
    );
    expect(version).toMatchObject({
      code: 'E_NOT_FOUND',
      issues: [{ field: 'version', message: 'does not exist; the latest version is 1' }],
    });
  });

  it('names a provider that is not configured', async () => {
    await greet('acme-llm');
    const error = await caught(
      creator.execute({
        tenantId,
        submission: { task: 'greet' },
        source: jsonl({ name: 'x' }),
        format: 'jsonl',
      }),
    );
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      issues: [
        {
          field: 'task',
          message: expect.stringContaining('uses provider "acme-llm", which is not configured'),
        },
      ],
    });
  });

  it('from stored rows: runs them with the origin stamped on each run', async () => {
    const scheduleId = (
      await db.dataSource.query(
        `INSERT INTO schedules (tenant_id, name, interval_ms, target) VALUES ($1, 's', 1000, '{}') RETURNING id`,
        [tenantId],
      )
    )[0].id as string;
    const row: TaskFileRow = {
      row: 1,
      id: 'a',
      messages: [{ role: 'user', content: 'x' }],
      params: {},
      metadata: { k: 1 },
    };
    const rows = (async function* () {
      yield row;
    })();
    await creator.executeRows({
      tenantId,
      submission: {},
      rows,
      origin: { scheduleId, metadata: { schedule: { id: scheduleId } } },
    });
    const [run] = await db.dataSource.query('SELECT schedule_id, metadata FROM runs');
    expect(run).toEqual({ schedule_id: scheduleId, metadata: { k: 1, schedule: { id: scheduleId } } });
    await db.dataSource.query('DELETE FROM schedules');
  });

  it('checks a task file row by row for storing, throwing at the end with every issue', async () => {
    const task = await greet();
    const valid = await collect(
      creator.checkedRows({ source: jsonl({ name: 'Ada' }, { name: 'Lin' }), format: 'jsonl', task }),
    );
    expect(valid.map((row) => row.variables)).toEqual([{ name: 'Ada' }, { name: 'Lin' }]);
    const yielded: unknown[] = [];
    const error = await caught(
      (async () => {
        for await (const row of creator.checkedRows({
          source: jsonl({ name: 'Ada' }, { nome: 'x' }, { nome: 'y' }),
          format: 'jsonl',
          task,
        }))
          yielded.push(row);
      })(),
    );
    expect(yielded).toHaveLength(1);
    expect(error.message).toMatch(/^2 of 3 rows are invalid: row 2, name/);
    expect(error.issues.map((issue) => issue.row)).toEqual([2, 3]);
  });

  it('keeps the batch when the enqueue fails and says the reconciler will retry', async () => {
    const broken = new BatchCreator({
      ...runtime,
      queue: { ...runtime.queue, addBulk: () => Promise.reject(new Error('redis down')) },
    });
    const { created } = await broken.execute({
      tenantId,
      submission: {},
      source: jsonl({ prompt: 'x' }),
      format: 'jsonl',
    });
    expect(created).toBe(true);
    expect(logs.text()).toContain('batch enqueue failed; the reconciler will retry');
  });
});
