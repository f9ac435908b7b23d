import { type GtrClient, type GtrClientOptions } from '@gtr/client';
import { type RunDetailView } from '@gtr/domain';
import { type OutputStream } from '../src/cli-deps';
import { buildProgram } from '../src/program';

export const TEST_KEY = 'gtr_cli_spec_key_0123456789';

/** Captures what the CLI writes. */
export class MemoryStream implements OutputStream {
  readonly chunks: string[] = [];
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export type FakeClient = { [K in keyof GtrClient]: jest.Mock };

/** A client whose every method fails unless the spec stubs it. */
export function fakeClient(): FakeClient {
  const notStubbed = (name: string) => jest.fn(() => Promise.reject(new Error(`${name} not stubbed`)));
  return {
    me: notStubbed('me'),
    createRun: notStubbed('createRun'),
    getRun: notStubbed('getRun'),
    listRuns: notStubbed('listRuns'),
    cancelRun: notStubbed('cancelRun'),
    health: notStubbed('health'),
    events: jest.fn(),
    waitForRun: notStubbed('waitForRun'),
    createTask: notStubbed('createTask'),
    listTasks: notStubbed('listTasks'),
    getTask: notStubbed('getTask'),
    updateTask: notStubbed('updateTask'),
    deleteTask: notStubbed('deleteTask'),
    listTaskVersions: notStubbed('listTaskVersions'),
    testTask: notStubbed('testTask'),
    createSchedule: notStubbed('createSchedule'),
    listSchedules: notStubbed('listSchedules'),
    getSchedule: notStubbed('getSchedule'),
    updateSchedule: notStubbed('updateSchedule'),
    deleteSchedule: notStubbed('deleteSchedule'),
    enableSchedule: notStubbed('enableSchedule'),
    disableSchedule: notStubbed('disableSchedule'),
    nextScheduleFires: notStubbed('nextScheduleFires'),
    scheduleHistory: notStubbed('scheduleHistory'),
    uploadTaskFile: notStubbed('uploadTaskFile'),
    deleteTaskFile: notStubbed('deleteTaskFile'),
    usage: notStubbed('usage'),
    createBatch: notStubbed('createBatch'),
    uploadBatch: notStubbed('uploadBatch'),
    getBatch: notStubbed('getBatch'),
    listBatches: notStubbed('listBatches'),
    listBatchRuns: notStubbed('listBatchRuns'),
    cancelBatch: notStubbed('cancelBatch'),
    pauseBatch: notStubbed('pauseBatch'),
    resumeBatch: notStubbed('resumeBatch'),
    retryFailedBatch: notStubbed('retryFailedBatch'),
    batchResults: jest.fn(),
  };
}

/** Makes `waitForRun` report each run to onUpdate and resolve with the last. */
export function waitThrough(client: FakeClient, runs: RunDetailView[]): void {
  client.waitForRun.mockImplementation(
    async (_id: string, options: { onUpdate?: (r: RunDetailView) => void } = {}) => {
      for (const run of runs) options.onUpdate?.(run);
      return runs[runs.length - 1];
    },
  );
}

export interface GtrResult {
  code: number;
  stdout: string;
  stderr: string;
  clientOptions: Pick<GtrClientOptions, 'baseUrl' | 'apiKey'>[];
}

export interface GtrOptions {
  client?: FakeClient;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  signal?: AbortSignal;
}

/** Runs `gtr <argv>` in-process against a fake client. */
export async function gtr(argv: string[], options: GtrOptions = {}): Promise<GtrResult> {
  const stdout = new MemoryStream(options.tty);
  const stderr = new MemoryStream(options.tty);
  const clientOptions: GtrResult['clientOptions'] = [];
  const client = options.client ?? fakeClient();
  const program = buildProgram({
    createClient: (o) => {
      clientOptions.push(o);
      return client as unknown as GtrClient;
    },
    stdout,
    stderr,
    // A data dir that does not exist, so no saved credentials leak in from the machine.
    env: options.env ?? {
      GTR_API_URL: 'http://api.test',
      GTR_API_KEY: TEST_KEY,
      GTR_DATA_DIR: '/nonexistent/gtr-cli-spec',
    },
    signal: options.signal,
  });
  const code = await program.run(argv);
  return { code, stdout: stdout.text, stderr: stderr.text, clientOptions };
}
