import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BatchView, type RunStatus } from '@gtr/domain';
import { type FakeClient, fakeClient, gtr } from '../../test/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'gtr-cli-batch-'));
const input = join(dir, 'tasks.csv');
writeFileSync(input, 'id,prompt,temperature\na,"Hi, ""you""",0\nb,Bye,0\n');

function batchView(overrides: Partial<BatchView> = {}): BatchView {
  const counts = {
    scheduled: 0,
    waiting: 0,
    queued: 0,
    running: 0,
    retrying: 0,
    succeeded: 2,
    failed: 0,
    cancelled: 0,
  } as Record<RunStatus, number>;
  return {
    id: 'b0c1d2e3-0000-4000-8000-000000000001',
    name: null,
    status: 'succeeded',
    taskId: null,
    taskVersion: null,
    total: 2,
    counts,
    done: 2,
    usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 },
    costUsd: 0.0012,
    throughputPerSecond: 2,
    etaSeconds: null,
    priority: 0,
    concurrency: null,
    mode: 'queue',
    options: {},
    idempotencyKey: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    ...overrides,
  };
}

const line = (id: string, success: boolean, errorCode: string | null = null) =>
  `${JSON.stringify({ id, success, errorCode })}\n`;

function stubResults(client: FakeClient, all: string[], failed: string[]) {
  client.batchResults.mockImplementation((_id: string, params: { status?: string[] }) =>
    (async function* () {
      yield* params.status ? failed : all;
    })(),
  );
}

describe('gtr run -i FILE -o OUT', () => {
  it('uploads the file with the flags, follows the batch and writes the results (exit 0)', async () => {
    const client = fakeClient();
    client.uploadBatch.mockResolvedValue({
      batch: batchView({ status: 'queued', done: 0 }),
      skippedRows: 0,
      issues: [],
      moreIssues: 0,
    });
    client.getBatch
      .mockResolvedValueOnce(batchView({ status: 'running', done: 1 }))
      .mockResolvedValueOnce(batchView());
    stubResults(client, [line('a', true), line('b', true)], []);
    const out = join(dir, 'ok.jsonl');
    const result = await gtr(
      [
        'run',
        '-i',
        input,
        '-o',
        out,
        '--task',
        'greet',
        '--model',
        'm',
        '--temperature',
        '0',
        '--max-tokens',
        '9',
        '--concurrency',
        '4',
        '--dry-run',
        '--skip-invalid',
      ],
      { client },
    );
    expect(result.code).toBe(0);
    const [file, fields] = client.uploadBatch.mock.calls[0];
    expect(await (file as Blob).text()).toContain('""you""');
    expect(fields).toEqual({
      fileName: 'tasks.csv',
      task: 'greet',
      model: 'm',
      provider: 'dry-run',
      params: { temperature: 0, maxTokens: 9 },
      concurrency: 4,
      skipInvalid: true,
    });
    expect(readFileSync(out, 'utf8')).toBe(line('a', true) + line('b', true));
    expect(existsSync(`${out}.failed.jsonl`)).toBe(false);
    expect(result.stderr).toContain('2/2 done');
  });

  it('sends --mode provider_batch and refuses an unknown mode', async () => {
    const client = fakeClient();
    client.uploadBatch.mockResolvedValue({
      batch: batchView({ status: 'queued' }),
      skippedRows: 0,
      issues: [],
      moreIssues: 0,
    });
    client.getBatch.mockResolvedValue(batchView());
    stubResults(client, [line('a', true), line('b', true)], []);
    const out = join(dir, 'provider-batch.jsonl');
    const result = await gtr(['run', '-i', input, '-o', out, '--mode', 'provider_batch'], { client });
    expect(result.code).toBe(0);
    expect(client.uploadBatch.mock.calls[0][1]).toMatchObject({ mode: 'provider_batch' });
    const bad = await gtr(['run', '-i', input, '-o', out, '--mode', 'fast'], { client });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--mode must be queue or provider_batch');
  });

  it('writes failed rows aside and exits 80 when some failed', async () => {
    const client = fakeClient();
    client.uploadBatch.mockResolvedValue({
      batch: batchView({ status: 'queued' }),
      skippedRows: 1,
      issues: [{ row: 3, field: 'temperature', message: 'is not a number' }],
      moreIssues: 0,
    });
    client.getBatch.mockResolvedValue(batchView({ status: 'partial' }));
    stubResults(client, [line('a', true), line('b', false, 'E_TIMEOUT')], [line('b', false, 'E_TIMEOUT')]);
    const out = join(dir, 'partial.csv');
    const result = await gtr(['run', '-i', input, '-o', out], { client });
    expect(result.code).toBe(80);
    expect(client.batchResults.mock.calls[0][1]).toMatchObject({ format: 'csv' });
    expect(readFileSync(`${out}.failed.jsonl`, 'utf8')).toBe(line('b', false, 'E_TIMEOUT'));
    expect(result.stderr).toContain('row 3, temperature: is not a number');
    expect(result.stderr).toContain('1 failed rows');
  });

  it.each([
    [[line('a', false, 'E_TIMEOUT'), line('b', false, 'E_TIMEOUT')], 11],
    [[line('a', false, 'E_TIMEOUT'), line('b', false, 'E_AUTH')], 70],
  ])('exits with the one reason when all failed (%#)', async (failed, code) => {
    const client = fakeClient();
    client.getBatch.mockResolvedValue(batchView({ status: 'failed' }));
    stubResults(client, failed, failed);
    const result = await gtr(['run', '--resume', 'b1', '-o', join(dir, `failed-${code}.jsonl`)], { client });
    expect(client.uploadBatch).not.toHaveBeenCalled();
    expect(result.code).toBe(code);
  });

  it('detaches on Ctrl+C without cancelling and says how to come back', async () => {
    const client = fakeClient();
    const abort = new AbortController();
    client.getBatch.mockImplementation(async () => {
      abort.abort();
      return batchView({ status: 'running' });
    });
    const result = await gtr(['run', '--resume', 'b1', '-o', join(dir, 'x.jsonl')], {
      client,
      signal: abort.signal,
    });
    expect(result.code).toBe(130);
    expect(client.cancelBatch).not.toHaveBeenCalled();
    expect(result.stderr).toContain('gtr batches watch b1');
    expect(result.stderr).toContain('--resume b1');
  });

  it('refuses missing or conflicting flags', async () => {
    expect((await gtr(['run', '-i', input])).code).toBe(31);
    expect((await gtr(['run', '-i', input, '--resume', 'b1', '-o', 'x'])).code).toBe(30);
    const missing = await gtr(['run', '-i', join(dir, 'nope.csv'), '-o', 'x']);
    expect(missing.code).toBe(20);
    const onlyFailed = await gtr(['run', '-i', input, '-o', 'x', '--only-failed']);
    expect(onlyFailed.code).toBe(30);
    expect(onlyFailed.stderr).toContain('--only-failed needs --resume');
  });

  it('with --resume --only-failed queues the failed rows again, then writes every result', async () => {
    const client = fakeClient();
    client.retryFailedBatch.mockResolvedValue({ batch: batchView({ status: 'running' }), retried: 1 });
    client.getBatch.mockResolvedValue(batchView());
    stubResults(client, [line('a', true), line('b', true)], []);
    const out = join(dir, 'again.jsonl');
    const result = await gtr(['run', '--resume', 'b1', '--only-failed', '-o', out], { client });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 failed rows queued again');
    expect(client.retryFailedBatch).toHaveBeenCalledWith('b1', { signal: undefined });
    expect(readFileSync(out, 'utf8')).toBe(line('a', true) + line('b', true));
  });
});

describe('gtr batches', () => {
  it('pauses and resumes, and refuses --dry-run with another provider', async () => {
    const client = fakeClient();
    client.pauseBatch.mockResolvedValue(batchView({ status: 'paused', done: 1 }));
    client.resumeBatch.mockResolvedValue(batchView({ status: 'running', done: 1, concurrency: 2 }));
    const paused = await gtr(['batches', 'pause', 'b1'], { client });
    expect(paused.stdout).toContain('paused');
    expect(paused.stderr).toContain('gtr batches resume b1');
    expect((await gtr(['batches', 'resume', 'b1'], { client })).stdout).toContain('running');
    expect(client.pauseBatch).toHaveBeenCalledWith('b1', { signal: undefined });
    expect(client.resumeBatch).toHaveBeenCalledWith('b1', { signal: undefined });
    client.getBatch.mockResolvedValue(batchView({ concurrency: 2 }));
    expect((await gtr(['batches', 'get', 'b1'], { client })).stdout).toContain('2 calls in flight');

    const both = await gtr(['run', '-p', 'hi', '--dry-run', '--provider', 'openai'], { client });
    expect(both.code).toBe(30);
    expect(both.stderr).toContain('--dry-run and --provider cannot be combined');
  });

  it('lists, gets, cancels and retries', async () => {
    const client = fakeClient();
    client.listBatches.mockResolvedValue({ data: [batchView()], nextCursor: 'c2' });
    client.getBatch.mockResolvedValue(batchView());
    client.cancelBatch.mockResolvedValue(batchView({ status: 'cancelled' }));
    client.retryFailedBatch.mockResolvedValue({ batch: batchView(), retried: 3 });
    const list = await gtr(['batches', 'list'], { client });
    expect(list.stdout).toContain('b0c1d2e3-0000-4000-8000-000000000001');
    expect(list.stderr).toContain('--cursor c2');
    const get = await gtr(['batches', 'get', 'b1'], { client });
    expect(get.stdout).toMatch(/Status {4}succeeded/);
    expect(JSON.parse((await gtr(['batches', 'get', 'b1', '--json'], { client })).stdout).id).toBe(
      batchView().id,
    );
    expect((await gtr(['batches', 'cancel', 'b1'], { client })).stdout).toContain('cancelled');
    expect((await gtr(['batches', 'retry-failed', 'b1'], { client })).stdout).toContain(
      '3 failed runs queued again',
    );
    expect(client.cancelBatch).toHaveBeenCalledWith('b1', { signal: undefined });
  });

  it('watches to the end and writes results to stdout or a file', async () => {
    const client = fakeClient();
    client.getBatch.mockResolvedValue(batchView({ status: 'partial' }));
    stubResults(client, [line('a', true), line('b', false, 'E_TIMEOUT')], [line('b', false, 'E_TIMEOUT')]);
    expect((await gtr(['batches', 'watch', 'b1'], { client })).code).toBe(80);
    const stdout = await gtr(['batches', 'results', 'b1'], { client });
    expect(stdout.stdout).toBe(line('a', true) + line('b', false, 'E_TIMEOUT'));
    const out = join(dir, 'r.jsonl');
    await gtr(['batches', 'results', 'b1', '-o', out], { client });
    expect(readFileSync(`${out}.failed.jsonl`, 'utf8')).toBe(line('b', false, 'E_TIMEOUT'));
  });
});
