import { useTenantDatabase } from '../../../test/tenant-database';
import { makeRunInput } from '../../../test/factories';
import { BatchesRepository } from '../batches/batches.repository';
import { RunExecutionRepository } from '../runs/run-execution.repository';
import { STALE_RUNNING_SQL, DUE_RUNS_SQL } from '../runs/recovery.queries';
import { type TestDatabase } from '../../../test/test-database';
import { ProviderBatchesRepository } from './provider-batches.repository';

describe('ProviderBatchesRepository', () => {
  let db: TestDatabase;
  let tenantId: string;
  let repo: ProviderBatchesRepository;
  let batches: BatchesRepository;
  useTenantDatabase('provider_batches, runs, batches CASCADE', (ctx) => {
    db = ctx.db;
    tenantId = ctx.tenantId;
    repo = new ProviderBatchesRepository(db.dataSource);
    batches = new BatchesRepository(db.dataSource);
  });

  async function providerBatch(rows = 3): Promise<{ batchId: string; runIds: string[] }> {
    const created = await batches.createWithRuns(
      tenantId,
      { name: 'pb' },
      Array.from({ length: rows }, (_, i) =>
        makeRunInput({
          provider: 'openai',
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: `Say ${i}` }],
        }),
      ),
    );
    await db.dataSource.query(`UPDATE batches SET mode = 'provider_batch' WHERE id = $1`, [created.batchId]);
    return { batchId: created.batchId, runIds: created.runs.map((run) => run.id) };
  }

  it('finds a provider_batch batch until its split is stored, and stores a split once', async () => {
    const { batchId, runIds } = await providerBatch();
    await batches.createWithRuns(tenantId, { name: 'queue mode' }, [makeRunInput()]);
    expect(await repo.findUnplanned(10)).toEqual([{ batchId, tenantId }]);
    const pending = await repo.findPendingRuns(tenantId, batchId);
    expect(pending.map((run) => run.runId)).toEqual(runIds);
    expect(pending[0]).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', batchId });
    const split = [
      { provider: 'openai', model: 'gpt-4o-mini', runIds: runIds.slice(0, 2) },
      { provider: 'openai', model: 'gpt-4o-mini', runIds: runIds.slice(2) },
    ];
    const [first, second] = await Promise.all([
      repo.createChunks(tenantId, batchId, split),
      repo.createChunks(tenantId, batchId, split),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await repo.findUnplanned(10)).toEqual([]);
    const chunks = await repo.findByBatch(tenantId, batchId);
    expect(chunks.map((chunk) => [chunk.chunkIndex, chunk.status, chunk.runIds])).toEqual([
      [0, 'planned', runIds.slice(0, 2)],
      [1, 'planned', runIds.slice(2)],
    ]);
  });

  it('marks a batch with nothing to send with one finished, empty file', async () => {
    const { batchId } = await providerBatch(1);
    expect(await repo.createChunks(tenantId, batchId, [])).toBe(true);
    expect(await repo.findByBatch(tenantId, batchId)).toEqual([
      expect.objectContaining({ status: 'finished', runIds: [] }),
    ]);
    expect(await repo.findDue(0, 10)).toEqual([]);
  });

  it('lets one worker submit a file, holds its runs away from the reconciler, then polls it in turn', async () => {
    const { batchId, runIds } = await providerBatch(2);
    await repo.createChunks(tenantId, batchId, [{ provider: 'openai', model: 'gpt-4o-mini', runIds }]);
    const [chunk] = await repo.findDue(1000, 10);
    await db.dataSource.query(`UPDATE runs SET status = 'cancelled' WHERE id = $1`, [runIds[1]]);

    expect(await repo.claimSubmission(chunk.id, 'w1', 60_000)).toMatchObject({ status: 'submitting' });
    expect(await repo.claimSubmission(chunk.id, 'w2', 60_000)).toBeNull();
    const claimed = await repo.claimRuns(chunk);
    expect(claimed.map((run) => [run.runId, run.attemptNumber])).toEqual([[runIds[0], 1]]);
    // A second claim (a resumed submission) claims nothing new and returns the same runs.
    expect(await repo.claimRuns(chunk)).toEqual(claimed);
    const stale = await db.dataSource.query(STALE_RUNNING_SQL, [-60_000, 10]);
    expect(stale).toEqual([]);
    const due = await db.dataSource.query(DUE_RUNS_SQL, [-60_000, 10]);
    expect(due).toEqual([]);

    expect(await repo.recordUpload(chunk.id, 'w2', 'file-x')).toBe(false);
    expect(await repo.recordUpload(chunk.id, 'w1', 'file-1')).toBe(true);
    expect(await repo.recordSubmitted(chunk.id, 'w1', 'batch_1', 'validating')).toBe(true);
    expect(await repo.findDue(60_000, 10)).toEqual([]);
    expect(await repo.claimPoll(chunk.id, 60_000)).toBeNull();
    const polled = await repo.claimPoll(chunk.id, 0);
    expect(polled).toMatchObject({ inputFileId: 'file-1', providerBatchId: 'batch_1', status: 'submitted' });
    await repo.recordPoll(chunk.id, {
      providerStatus: 'completed',
      completedCount: 1,
      failedCount: 0,
      outputFileId: 'file-out',
      errorFileId: null,
    });
    const execution = new RunExecutionRepository(db.dataSource);
    expect(
      await execution.recordFailure(runIds[0], 1, {
        startedAt: new Date(),
        finishedAt: new Date(),
        latencyMs: 1,
        errorCode: 'E_SERVER_ERROR',
        errorMessage: 'x',
      }),
    ).toBe(true);
    expect(await repo.findClaimedRuns(chunk)).toEqual([]);
    expect(await repo.finish(chunk.id)).toBe(true);
    expect(await repo.finish(chunk.id)).toBe(false);
    expect((await repo.findByBatch(tenantId, batchId))[0]).toMatchObject({
      status: 'finished',
      providerStatus: 'completed',
      completedCount: 1,
      outputFileId: 'file-out',
    });
  });

  it('gives a submission whose worker died to another worker once its lease ran out', async () => {
    const { batchId, runIds } = await providerBatch(1);
    await repo.createChunks(tenantId, batchId, [{ provider: 'openai', model: 'gpt-4o-mini', runIds }]);
    const [chunk] = await repo.findDue(0, 10);
    await repo.claimSubmission(chunk.id, 'w1', -1);
    expect(await repo.findDue(0, 10)).toHaveLength(1);
    expect(await repo.claimSubmission(chunk.id, 'w2', 60_000)).toMatchObject({ status: 'submitting' });
    expect(await repo.finish(chunk.id, 'upload refused', 'w1')).toBe(false);
    expect(await repo.finish(chunk.id, 'upload refused', 'w2')).toBe(true);
    expect((await repo.findByBatch(tenantId, batchId))[0].errorMessage).toBe('upload refused');
  });
});
