import { fakeClient, gtr, waitThrough } from '../../test/cli-harness';
import { runFixture } from '@gtr/client/testing';

const ID = '7f1c2d3e-0000-4000-8000-000000000001';

describe('gtr run --task', () => {
  it('sends the task form with the version, the variables (dots nesting) and the overrides', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID, taskVersion: 3 }));

    const result = await gtr(
      [
        'run',
        '--task',
        'summarise',
        '--version',
        '3',
        '--var',
        'lang=French',
        '--var',
        'user.name=Ada',
        '--var',
        'note=a=b',
        '--input',
        '{"doc":{"pages":2},"lang":"en"}',
        '-m',
        'gpt-4o',
        '-t',
        '0',
        '--idempotency-key',
        'k1',
      ],
      { client },
    );

    expect(result).toMatchObject({ code: 0, stdout: `${ID} queued\n` });
    expect(client.createRun).toHaveBeenCalledWith(
      {
        task: 'summarise',
        version: 3,
        input: { doc: { pages: 2 }, lang: 'French', user: { name: 'Ada' }, note: 'a=b' },
        model: 'gpt-4o',
        params: { temperature: 0 },
        idempotencyKey: 'k1',
      },
      { signal: undefined },
    );
  });

  it('sends an empty input when no variable is given, and waits like a prompt run', async () => {
    const client = fakeClient();
    client.createRun.mockResolvedValue(runFixture({ id: ID }));
    waitThrough(client, [
      runFixture({ id: ID, status: 'succeeded', output: { text: 'Résumé', json: null } }),
    ]);
    const result = await gtr(['run', '--task', 'hello', '--wait'], { client });
    expect(client.createRun.mock.calls[0][0]).toEqual({ task: 'hello', input: {} });
    expect(result).toMatchObject({ code: 0, stdout: 'Résumé\n' });
  });

  it.each([
    [['--task', 't', '-p', 'x'], 30, '--prompt and --task cannot be combined; give one'],
    [['--task', 't', '--system', 's'], 30, '--system cannot be combined with --task: the task sets it'],
    [['--task', 't', '--provider', 'openai'], 30, '--provider cannot be combined with --task'],
    [['-p', 'x', '--var', 'a=1'], 30, '--var needs --task'],
    [['-p', 'x', '--version', '2'], 30, '--version needs --task'],
    [['-p', 'x', '--input', '{}'], 30, '--input needs --task'],
    [['--task', 't', '--var', 'novalue'], 32, '--var must be key=value'],
    [['--task', 't', '--var', '=x'], 32, '--var must be key=value'],
    [
      ['--task', 't', '--var', 'user=Ada', '--var', 'user.name=Bo'],
      32,
      '--var user.name conflicts with the value already given for user',
    ],
    [['--task', 't', '--version', 'two'], 32, '--version must be an integer'],
    [['--task', 't', '--input', '[1]'], 32, '--input must be a JSON object'],
  ])('rejects %j with exit %i, naming the flag, before calling the API', async (flags, code, message) => {
    const client = fakeClient();
    const result = await gtr(['run', ...flags], { client });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(client.createRun).not.toHaveBeenCalled();
  });
});
