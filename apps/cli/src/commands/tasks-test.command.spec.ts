import { GtrApiError } from '@gtr/client';
import { fakeClient, gtr, waitThrough } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

const ID = '7f1c2d3e-0000-4000-8000-000000000001';
const rendered = [
  { role: 'system' as const, content: 'Answer in French.' },
  { role: 'user' as const, content: 'Summarise hello' },
];

describe('gtr tasks test', () => {
  it('sends the variables, shows the rendered messages on stderr and the answer on stdout', async () => {
    const client = fakeClient();
    client.testTask.mockResolvedValue({
      renderedMessages: rendered,
      run: runFixture({ id: ID, messages: rendered }),
    });
    waitThrough(client, [
      runFixture({ id: ID, status: 'succeeded', output: { text: 'Bonjour', json: null }, durationMs: 200 }),
    ]);

    const result = await gtr(
      ['tasks', 'test', 'summarise', '--var', 'lang=French', '--var', 'doc=hello', '--version', '1'],
      { client },
    );

    expect(client.testTask).toHaveBeenCalledWith(
      'summarise',
      { lang: 'French', doc: 'hello' },
      { version: 1, signal: undefined },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Bonjour\n');
    expect(result.stderr).toBe(
      '[system]\nAnswer in French.\n\n[user]\nSummarise hello\n\ngpt-4o-mini · succeeded · 200ms\n',
    );
  });

  it('prints { renderedMessages, run } with the finished run as JSON, nothing else', async () => {
    const client = fakeClient();
    client.testTask.mockResolvedValue({ renderedMessages: rendered, run: runFixture({ id: ID }) });
    const done = runFixture({ id: ID, status: 'succeeded', output: { text: 'ok', json: null } });
    waitThrough(client, [done]);
    const result = await gtr(['tasks', 'test', 'summarise', '--input', '{"lang":"fr","doc":"x"}', '--json'], {
      client,
    });
    expect(client.testTask.mock.calls[0][1]).toEqual({ lang: 'fr', doc: 'x' });
    expect(client.testTask.mock.calls[0][2]).toEqual({ signal: undefined });
    expect(JSON.parse(result.stdout)).toEqual({ renderedMessages: rendered, run: done });
    expect(result.stderr).toBe('');
  });

  it("exits with the run's error code when the test run fails", async () => {
    const client = fakeClient();
    client.testTask.mockResolvedValue({ renderedMessages: rendered, run: runFixture({ id: ID }) });
    waitThrough(client, [
      runFixture({ id: ID, status: 'failed', error: { code: 'E_TIMEOUT', message: 'No answer' } }),
    ]);
    const result = await gtr(['tasks', 'test', 'summarise'], { client });
    expect(result.code).toBe(11);
    expect(result.stderr).toContain('error E_TIMEOUT: No answer');
  });

  it('shows each missing variable the API names, exit 13', async () => {
    const client = fakeClient();
    client.testTask.mockRejectedValue(
      new GtrApiError(
        400,
        'E_INPUT',
        'Missing input variables: lang, doc',
        [
          { field: 'input.lang', message: 'is missing; the template uses {{lang}}' },
          { field: 'input.doc', message: 'is missing; the template uses {{doc}}' },
        ],
        'Fix the field named in the error and send it again.',
      ),
    );
    const result = await gtr(['tasks', 'test', 'summarise'], { client });
    expect(result.code).toBe(13);
    expect(result.stderr).toBe(
      'error E_INPUT: Missing input variables: lang, doc\n' +
        '  - input.lang: is missing; the template uses {{lang}}\n' +
        '  - input.doc: is missing; the template uses {{doc}}\n' +
        'hint: Fix the field named in the error and send it again.\n',
    );
    expect(client.testTask.mock.calls[0][1]).toEqual({});
  });

  it('rejects a --var without = with exit 32 naming the flag, before calling the API', async () => {
    const client = fakeClient();
    const result = await gtr(['tasks', 'test', 'summarise', '--var', 'lang'], { client });
    expect(result.code).toBe(32);
    expect(result.stderr).toContain('error E_VALIDATION_TYPE: --var must be key=value');
    expect(client.testTask).not.toHaveBeenCalled();
  });
});
