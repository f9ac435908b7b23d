import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ScheduleFireView } from '@gtr/domain';
import { type FakeClient, fakeClient, gtr } from '../../test/cli-harness';
import { scheduleFixture } from '../../test/schedule-fixture';

const batchId = 'bbbbbbbb-0000-4000-8000-000000000001';
const taskFile = '1f0c2a52-8a53-4b8e-9d0e-6f6f0c7f4a11';

function fire(overrides: Partial<ScheduleFireView>): ScheduleFireView {
  return {
    id: 'f',
    dueAt: '2025-01-02T01:30:00.000Z',
    firedAt: '2025-01-02T01:30:00.010Z',
    status: 'created',
    runId: null,
    runStatus: null,
    batchId: null,
    batchStatus: null,
    reason: null,
    ...overrides,
  };
}

/** Results of a two-row batch: one row succeeded, one failed. */
function stubResults(client: FakeClient): void {
  client.batchResults.mockImplementation((_id: string, params: { status?: string[] }) =>
    (async function* () {
      if (!params.status) yield '{"id":"r1","status":"succeeded"}\n';
      yield '{"id":"r2","status":"failed","errorCode":"E_TIMEOUT"}\n';
    })(),
  );
}

describe('gtr schedule history --results', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gtr-schedule-results-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes the latest batch fire's results to the schedule's -o file, looking past skipped fires", async () => {
    const out = join(dir, 'results.jsonl');
    const client = fakeClient();
    client.getSchedule.mockResolvedValue(
      scheduleFixture({ target: { type: 'batch', taskFile, output: out } }),
    );
    client.scheduleHistory
      .mockResolvedValueOnce({ data: [fire({ status: 'skipped', reason: 'busy' })], nextCursor: 'h2' })
      .mockResolvedValueOnce({ data: [fire({ batchId, batchStatus: 'failed' })], nextCursor: null });
    stubResults(client);
    const result = await gtr(['schedule', 'history', 'nightly', '--results'], { client });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Results of the fire of 2025-01-02T01:30:00.000Z (batch ${batchId}, failed): ${out}; 1 failed rows: ${out}.failed.jsonl\n`,
    );
    expect(client.batchResults.mock.calls[0][0]).toBe(batchId);
    expect(await readFile(out, 'utf8')).toContain('"id":"r1"');
    expect(await readFile(`${out}.failed.jsonl`, 'utf8')).toContain('"id":"r2"');
    expect(client.scheduleHistory.mock.calls[1][1]).toEqual({ limit: 100, cursor: 'h2' });
  });

  it('writes to the file given, over the -o file', async () => {
    const out = join(dir, 'other.csv');
    const client = fakeClient();
    client.getSchedule.mockResolvedValue(scheduleFixture({ target: { type: 'batch', taskFile } }));
    client.scheduleHistory.mockResolvedValue({
      data: [fire({ batchId, batchStatus: 'succeeded' })],
      nextCursor: null,
    });
    stubResults(client);
    const result = await gtr(['schedule', 'history', 'nightly', '--results', out], { client });
    expect(result.code).toBe(0);
    expect(client.batchResults.mock.calls[0][1]).toMatchObject({ format: 'csv' });
  });

  it('says what is missing: an output file, or a batch fire', async () => {
    const client = fakeClient();
    client.getSchedule.mockResolvedValue(scheduleFixture());
    const noOut = await gtr(['schedule', 'history', 'nightly', '--results'], { client });
    expect(noOut.code).toBe(31);
    expect(noOut.stderr).toContain('has no output file; give one: --results FILE');
    client.scheduleHistory.mockResolvedValue({
      data: [fire({ status: 'failed', reason: 'x' })],
      nextCursor: null,
    });
    const noFire = await gtr(['schedule', 'history', 'nightly', '--results', join(dir, 'x.jsonl')], {
      client,
    });
    expect(noFire.stderr).toContain('has no fire that created a batch yet');
    expect(noFire.code).not.toBe(0);
  });
});

describe('gtr schedule update -i', () => {
  it('uploads the file and replaces the target with the batch of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gtr-schedule-update-'));
    try {
      const rows = join(dir, 'rows.jsonl');
      await writeFile(rows, '{"prompt":"hi"}\n');
      const client = fakeClient();
      client.uploadTaskFile.mockResolvedValue({ id: taskFile, name: 'rows.jsonl', rows: 1 });
      client.updateSchedule.mockResolvedValue(scheduleFixture());
      const result = await gtr(['schedule', 'update', 'nightly', '-i', rows], { client });
      expect(result.code).toBe(0);
      expect(client.uploadTaskFile.mock.calls[0][1]).toEqual({ fileName: 'rows.jsonl' });
      expect(client.updateSchedule.mock.calls[0][1]).toEqual({ target: { type: 'batch', taskFile } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
