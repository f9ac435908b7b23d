import { type ScheduleView } from '@gtr/domain';
import { fakeFetch, json } from '../../test/fake-fetch';
import { createGtrClient } from './gtr-client';
import { GtrApiError } from './gtr-api-error';

const schedule: ScheduleView = {
  id: 's1',
  name: 'nightly report',
  cron: '0 9 * * *',
  every: null,
  timezone: 'Europe/Berlin',
  target: { type: 'prompt', prompt: 'hi' },
  enabled: true,
  overlapPolicy: 'skip',
  missedPolicy: 'skip',
  lastFireAt: null,
  nextFireAt: '2025-01-02T08:00:00.000Z',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function clientWith(route: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch(route);
  return {
    client: createGtrClient({ baseUrl: 'http://api.test', apiKey: 'gtr_k', fetch }),
    calls: fetch.calls,
  };
}

describe('schedule methods', () => {
  it('send each call to its route, the name encoded into the path', async () => {
    const { client, calls } = clientWith((call) =>
      call.method === 'DELETE' ? new Response(null, { status: 204 }) : json(schedule),
    );
    const body = { name: 'nightly', cron: '0 9 * * *', target: { type: 'prompt' as const, prompt: 'hi' } };
    await expect(client.createSchedule(body)).resolves.toEqual(schedule);
    await client.listSchedules({ limit: 10, cursor: 'c1' });
    await client.listSchedules();
    await client.getSchedule('nightly report');
    await client.updateSchedule('nightly', { every: '5m' });
    await expect(client.deleteSchedule('nightly')).resolves.toBeUndefined();
    await client.enableSchedule('nightly');
    await client.disableSchedule('nightly');
    await client.nextScheduleFires('nightly', { count: 3 });
    await client.nextScheduleFires('nightly');
    await client.scheduleHistory('nightly', { limit: 5, cursor: 'h1' });
    await client.scheduleHistory('nightly');
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      'POST /v1/schedules',
      'GET /v1/schedules?limit=10&cursor=c1',
      'GET /v1/schedules',
      'GET /v1/schedules/nightly%20report',
      'PATCH /v1/schedules/nightly',
      'DELETE /v1/schedules/nightly',
      'POST /v1/schedules/nightly/enable',
      'POST /v1/schedules/nightly/disable',
      'GET /v1/schedules/nightly/next?count=3',
      'GET /v1/schedules/nightly/next',
      'GET /v1/schedules/nightly/history?limit=5&cursor=h1',
      'GET /v1/schedules/nightly/history',
    ]);
    expect(calls[0].body).toEqual(body);
    expect(calls[4].body).toEqual({ every: '5m' });
  });

  it('reject with the API error, field issues included', async () => {
    const error = {
      error: {
        code: 'E_VALIDATION',
        message: 'Invalid request: cron invalid expression',
        action: 'Fix the fields named in the error.',
        issues: [
          {
            field: 'cron',
            message: 'invalid expression "61 * * * *" (minute 61 out of range 0-59); example: "*/5 * * * *"',
          },
        ],
      },
    };
    const { client } = clientWith(() => json(error, 400));
    const rejection = await client
      .createSchedule({ name: 'x', cron: '61 * * * *', target: { type: 'prompt', prompt: 'p' } })
      .catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(GtrApiError);
    expect(rejection).toMatchObject({ status: 400, code: 'E_VALIDATION', issues: error.error.issues });
    const { client: missing } = clientWith(() =>
      json({ error: { code: 'E_NOT_FOUND', message: 'No schedule named "x".' } }, 404),
    );
    await expect(missing.deleteSchedule('x')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('task file methods', () => {
  it.each([
    ['a Blob', () => new Blob(['name\nAda\n'])],
    ['chunks', () => [new TextEncoder().encode('name\n'), new TextEncoder().encode('Ada\n')]],
  ])('upload %s as multipart with the task, and delete by id', async (_name, file) => {
    let form: FormData | undefined;
    const requests: string[] = [];
    const fetch = async (input: string, init: RequestInit): Promise<Response> => {
      requests.push(`${init.method} ${new URL(input).pathname}`);
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      form = init.body as FormData;
      return json({ id: 'f1', rows: 1 }, 201);
    };
    const client = createGtrClient({ baseUrl: 'http://api.test', apiKey: 'gtr_k', fetch });
    await expect(client.uploadTaskFile(file(), { fileName: 'people.csv', task: 'greet' })).resolves.toEqual({
      id: 'f1',
      rows: 1,
    });
    expect(form?.get('task')).toBe('greet');
    const uploaded = form?.get('file') as File;
    expect(uploaded.name).toBe('people.csv');
    expect(await uploaded.text()).toBe('name\nAda\n');
    await expect(client.deleteTaskFile('f 1')).resolves.toBeUndefined();
    expect(requests).toEqual(['POST /v1/task-files', 'DELETE /v1/task-files/f%201']);
  });
});
