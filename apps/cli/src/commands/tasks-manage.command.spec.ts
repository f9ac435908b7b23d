import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr } from '../../test/cli-harness';
import { taskFixture } from '../../test/task-fixture';

describe('gtr tasks list', () => {
  it('prints a table of tasks and the command for the next page', async () => {
    const client = fakeClient();
    client.listTasks.mockResolvedValue({
      data: [
        taskFixture(),
        taskFixture({ name: 'translate', version: 1, model: null, variables: [], tags: [] }),
      ],
      nextCursor: 'c2',
    });

    const result = await gtr(['tasks', 'list', '--tag', 'nlp', '--tag', 'eu', '--limit', '2'], { client });

    expect(client.listTasks).toHaveBeenCalledWith(
      { tag: ['nlp', 'eu'], limit: 2, cursor: undefined },
      { signal: undefined },
    );
    expect(result.stdout).toBe(
      'NAME       VERSION  MODEL        VARIABLES  TAGS  UPDATED\n' +
        'summarise  2        gpt-4o-mini  lang,doc   nlp   2025-05-02T08:30:00Z\n' +
        'translate  1        default      -          -     2025-05-02T08:30:00Z\n',
    );
    expect(result.stderr).toBe('More: gtr tasks list --tag nlp --tag eu --limit 2 --cursor c2\n');
  });

  it('says when there are no tasks, and prints the page as JSON with --json', async () => {
    const client = fakeClient();
    client.listTasks.mockResolvedValue({ data: [], nextCursor: null });
    expect(await gtr(['tasks', 'list', '--cursor', 'c1'], { client })).toMatchObject({
      stdout: '',
      stderr: 'No tasks.\n',
    });
    expect(client.listTasks.mock.calls[0][0]).toEqual({ tag: undefined, limit: undefined, cursor: 'c1' });
    expect(JSON.parse((await gtr(['tasks', 'list', '--json'], { client })).stdout)).toEqual({
      data: [],
      nextCursor: null,
    });
  });
});

describe('gtr tasks get', () => {
  it('shows the version, its settings and its messages template', async () => {
    const client = fakeClient();
    client.getTask.mockResolvedValue(
      taskFixture({
        version: 1,
        latestVersion: 2,
        outputSchema: { type: 'object' },
        retryPolicy: { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 2000 },
        timeoutMs: 20000,
      }),
    );
    const result = await gtr(['tasks', 'get', 'summarise', '--version', '1'], { client });
    expect(client.getTask).toHaveBeenCalledWith('summarise', 1, { signal: undefined });
    expect(result.stdout).toBe(
      [
        'Name         summarise',
        'Version      1 (latest is 2)',
        'Description  Summarises a document',
        'Provider     default',
        'Model        gpt-4o-mini',
        'Params       {"temperature":0}',
        'Output       JSON Schema {"type":"object"}',
        'Retry        5 attempts, base delay 500ms, max delay 2.0s',
        'Timeout      20.0s',
        'Tags         nlp',
        'Variables    lang, doc',
        'Created      2025-05-01T12:00:00Z',
        'Version of   2025-05-02T08:30:00Z',
        'ID           9a1b2c3d-0000-4000-8000-000000000001',
        '',
        '[system]',
        'Answer in {{lang}}.',
        '',
        '[user]',
        'Summarise {{doc}}',
        '',
      ].join('\n'),
    );
  });

  it('shows defaults for what the task leaves to the API', async () => {
    const client = fakeClient();
    client.getTask.mockResolvedValue(
      taskFixture({ description: null, model: null, params: {}, tags: [], variables: [] }),
    );
    const result = await gtr(['tasks', 'get', 'summarise'], { client });
    expect(client.getTask).toHaveBeenCalledWith('summarise', undefined, { signal: undefined });
    expect(result.stdout).toContain(
      'Version      2 (latest)\nDescription  -\nProvider     default\nModel        default\nParams       default\nOutput       text\nRetry        default\nTimeout      default\nTags         -\nVariables    -\n',
    );
  });

  it('prints the task as JSON with --json, and exits 13 for an unknown task', async () => {
    const client = fakeClient();
    const task = taskFixture();
    client.getTask.mockResolvedValueOnce(task);
    expect(JSON.parse((await gtr(['tasks', 'get', 'summarise', '--json'], { client })).stdout)).toEqual(task);
    client.getTask.mockRejectedValueOnce(
      new GtrApiError(404, 'E_NOT_FOUND', 'Task "ghost" not found.', [], 'Check the id.'),
    );
    const missing = await gtr(['tasks', 'get', 'ghost'], { client });
    expect(missing.code).toBe(13);
    expect(missing.stderr).toContain('Task "ghost" not found.');
  });
});

describe('gtr tasks delete', () => {
  it('deletes the task and says so', async () => {
    const client = fakeClient();
    client.deleteTask.mockResolvedValue(undefined);
    const result = await gtr(['tasks', 'delete', 'summarise'], { client });
    expect(result).toMatchObject({ code: 0, stdout: 'summarise deleted\n' });
    expect(client.deleteTask).toHaveBeenCalledWith('summarise', { signal: undefined });
  });
});

describe('gtr tasks versions', () => {
  it('prints the versions newest first, marking the latest, and the next page command', async () => {
    const client = fakeClient();
    client.listTaskVersions.mockResolvedValue({
      data: [taskFixture({ version: 2 }), taskFixture({ version: 1, provider: 'openai', model: null })],
      nextCursor: 'v1',
    });
    const result = await gtr(['tasks', 'versions', 'summarise', '--limit', '2'], { client });
    expect(client.listTaskVersions).toHaveBeenCalledWith(
      'summarise',
      { limit: 2, cursor: undefined },
      { signal: undefined },
    );
    expect(result.stdout).toBe(
      'VERSION     PROVIDER  MODEL        VARIABLES  CREATED\n' +
        '2 (latest)  default   gpt-4o-mini  lang,doc   2025-05-02T08:30:00Z\n' +
        '1           openai    default      lang,doc   2025-05-02T08:30:00Z\n',
    );
    expect(result.stderr).toBe('More: gtr tasks versions summarise --limit 2 --cursor v1\n');
  });

  it('prints the page as JSON with --json', async () => {
    const client = fakeClient();
    const page = { data: [taskFixture()], nextCursor: null };
    client.listTaskVersions.mockResolvedValue(page);
    const result = await gtr(['tasks', 'versions', 'summarise', '--json', '--cursor', 'c'], { client });
    expect(JSON.parse(result.stdout)).toEqual(page);
    expect(client.listTaskVersions.mock.calls[0][1]).toEqual({ limit: undefined, cursor: 'c' });
  });
});
