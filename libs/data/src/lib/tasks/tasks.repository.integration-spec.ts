import { GtrError, type TaskDefinition } from '@gtr/domain';
import { type TestDatabase } from '../../../test/test-database';
import { useTenantDatabase } from '../../../test/tenant-database';
import { MAX_TASK_UPDATE_ATTEMPTS, TasksRepository } from './tasks.repository';

const definition = (overrides: Partial<TaskDefinition> = {}): TaskDefinition => ({
  description: 'Summarises text',
  messages: [
    { role: 'system', content: 'Answer in {{lang}}.' },
    { role: 'user', content: 'Summarise {{doc.text}}' },
  ],
  provider: null,
  model: 'gpt-4o-mini',
  params: { temperature: 0 },
  outputSchema: null,
  retryPolicy: {},
  timeoutMs: null,
  tags: ['nlp'],
  ...overrides,
});

/** Resolves once `count` callers have arrived, so concurrent updates all read before any writes. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) release();
    return all;
  };
}

describe('TasksRepository', () => {
  let db: TestDatabase;
  let tasks: TasksRepository;
  let tenantId: string;
  let otherTenantId: string;

  useTenantDatabase('tasks CASCADE', (ctx) => {
    ({ db, tenantId, otherTenantId } = ctx);
    tasks = new TasksRepository(db.dataSource);
  });

  it('creates a task as version 1 and reads it back', async () => {
    const created = await tasks.create(
      tenantId,
      'summarise',
      definition({ outputSchema: { type: 'object' }, retryPolicy: { maxAttempts: 2 }, timeoutMs: 5000 }),
    );
    expect(created).toEqual({
      id: expect.any(String),
      name: 'summarise',
      description: 'Summarises text',
      version: 1,
      latestVersion: 1,
      messages: definition().messages,
      variables: ['lang', 'doc.text'],
      provider: null,
      model: 'gpt-4o-mini',
      params: { temperature: 0 },
      outputSchema: { type: 'object' },
      retryPolicy: { maxAttempts: 2 },
      timeoutMs: 5000,
      tags: ['nlp'],
      createdAt: expect.stringMatching(/Z$/),
      versionCreatedAt: expect.stringMatching(/Z$/),
    });
    expect(await tasks.find(tenantId, 'summarise')).toEqual(created);
    expect(await tasks.find(tenantId, 'summarise', 1)).toEqual(created);
    expect(await tasks.find(tenantId, 'summarise', 2)).toBeNull();
    expect(await tasks.find(tenantId, 'missing')).toBeNull();
  });

  it('refuses a second task of the same name with E_CONFLICT naming the field', async () => {
    await tasks.create(tenantId, 'dup', definition());
    const error = await tasks.create(tenantId, 'dup', definition()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({ code: 'E_CONFLICT', issues: [{ field: 'name' }] });
    expect((error as Error).message).toContain('"dup"');
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM task_versions');
    expect(n).toBe(1);
  });

  it('makes every update a new version and never changes an old one', async () => {
    await tasks.create(tenantId, 'evolving', definition());
    const [before] = await db.dataSource.query('SELECT * FROM task_versions WHERE version = 1');

    const v2 = await tasks.update(tenantId, 'evolving', (current) => ({
      ...current,
      model: 'gpt-4o',
      tags: ['nlp', 'v2'],
    }));
    const v3 = await tasks.update(tenantId, 'evolving', (current) => ({ ...current, description: null }));

    expect(v2).toMatchObject({ version: 2, latestVersion: 2, model: 'gpt-4o', tags: ['nlp', 'v2'] });
    expect(v3).toMatchObject({ version: 3, latestVersion: 3, model: 'gpt-4o', description: null });
    expect(await tasks.find(tenantId, 'evolving', 1)).toMatchObject({
      version: 1,
      latestVersion: 3,
      model: 'gpt-4o-mini',
      description: 'Summarises text',
      tags: ['nlp'],
    });
    const [after] = await db.dataSource.query('SELECT * FROM task_versions WHERE version = 1');
    expect(after).toEqual(before);
    const [task] = await db.dataSource.query('SELECT latest_version, description, tags FROM tasks');
    expect(task).toEqual({ latest_version: 3, description: null, tags: ['nlp', 'v2'] });
  });

  it('writes nothing when the change throws', async () => {
    await tasks.create(tenantId, 'stable', definition());
    const failing = tasks.update(tenantId, 'stable', () => {
      throw new GtrError('E_VALIDATION', 'bad change');
    });
    await expect(failing).rejects.toThrow('bad change');
    expect(await tasks.find(tenantId, 'stable')).toMatchObject({ version: 1, latestVersion: 1 });
  });

  it('turns two concurrent updates into versions 2 and 3, each applied on top of the other', async () => {
    await tasks.create(tenantId, 'raced', definition());
    // Both transactions read version 1 before either writes: a real race, every time.
    const bothRead = barrier(2);
    const seen: string[] = [];
    const racer = (label: string, patch: Partial<TaskDefinition>) =>
      tasks.update(tenantId, 'raced', async (current) => {
        seen.push(`${label}@v${current.version}`);
        await bothRead();
        return { ...current, ...patch };
      });

    const results = await Promise.all([
      racer('a', { model: 'model-a' }),
      racer('b', { description: 'from b' }),
    ]);

    expect(results.map((view) => view?.version).sort()).toEqual([2, 3]);
    const versions: { version: number }[] = await db.dataSource.query(
      'SELECT version FROM task_versions ORDER BY version',
    );
    expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
    // The loser re-read version 2 and applied its change on top of it: nothing is lost.
    expect(seen.sort()).toEqual(expect.arrayContaining(['a@v1', 'b@v1']));
    expect(seen.filter((entry) => entry.endsWith('@v2'))).toHaveLength(1);
    expect(await tasks.find(tenantId, 'raced')).toMatchObject({
      version: 3,
      model: 'model-a',
      description: 'from b',
    });
  });

  it(`gives up with E_CONFLICT after losing ${MAX_TASK_UPDATE_ATTEMPTS} races in a row`, async () => {
    await tasks.create(tenantId, 'hot', definition());
    let attempts = 0;
    const error = await tasks
      .update(tenantId, 'hot', async (current) => {
        attempts += 1;
        // Another request adds a version between this read and this write, every time.
        await tasks.update(tenantId, 'hot', (latest) => ({ ...latest }));
        return { ...current, model: 'never' };
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_CONFLICT' });
    expect(attempts).toBe(MAX_TASK_UPDATE_ATTEMPTS);
    expect(await tasks.find(tenantId, 'hot')).toMatchObject({
      version: 1 + MAX_TASK_UPDATE_ATTEMPTS,
      model: 'gpt-4o-mini',
    });
  });

  it('returns null when updating a task that does not exist', async () => {
    expect(await tasks.update(tenantId, 'ghost', (current) => current)).toBeNull();
  });

  it('soft-deletes: the task disappears, its name is free again, old versions stay stored', async () => {
    const first = await tasks.create(tenantId, 'reused', definition());
    await tasks.update(tenantId, 'reused', (current) => ({ ...current, model: 'm2' }));
    expect(await tasks.delete(tenantId, 'reused')).toBe(true);
    expect(await tasks.delete(tenantId, 'reused')).toBe(false);
    expect(await tasks.find(tenantId, 'reused')).toBeNull();
    expect(await tasks.listVersions(tenantId, 'reused', { limit: 10 })).toBeNull();
    expect(await tasks.update(tenantId, 'reused', (current) => current)).toBeNull();

    const second = await tasks.create(tenantId, 'reused', definition({ model: 'fresh' }));
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ version: 1, latestVersion: 1, model: 'fresh' });
    const [{ n }] = await db.dataSource.query(
      'SELECT count(*)::int AS n FROM task_versions WHERE task_id = $1',
      [first.id],
    );
    expect(n).toBe(2);
  });

  it('keeps tenants apart: same names allowed, no reads, updates or deletes across', async () => {
    await tasks.create(tenantId, 'shared-name', definition({ model: 'mine' }));
    await tasks.create(otherTenantId, 'shared-name', definition({ model: 'theirs' }));
    await tasks.create(tenantId, 'only-mine', definition());

    expect(await tasks.find(otherTenantId, 'only-mine')).toBeNull();
    expect(await tasks.update(otherTenantId, 'only-mine', (current) => current)).toBeNull();
    expect(await tasks.delete(otherTenantId, 'only-mine')).toBe(false);
    expect(await tasks.listVersions(otherTenantId, 'only-mine', { limit: 5 })).toBeNull();
    expect((await tasks.find(otherTenantId, 'shared-name'))?.model).toBe('theirs');
    expect((await tasks.list(otherTenantId, { limit: 50 })).data.map((task) => task.name)).toEqual([
      'shared-name',
    ]);
    expect(await tasks.find(tenantId, 'only-mine')).not.toBeNull();
  });

  it('answers nothing for a malformed tenant id or name instead of failing', async () => {
    expect(await tasks.find('not-a-uuid', 'x')).toBeNull();
    expect(await tasks.find(tenantId, 'Bad Name')).toBeNull();
    expect(await tasks.delete(tenantId, 'Bad Name')).toBe(false);
    expect(await tasks.list('not-a-uuid', { limit: 5 })).toEqual({ data: [], nextCursor: null });
    expect(await tasks.listVersions(tenantId, 'Bad Name', { limit: 5 })).toBeNull();
  });

  it('lists the latest versions by name, filtered by tags, a page at a time', async () => {
    for (const name of ['delta', 'alpha', 'charlie', 'bravo', 'echo']) {
      await tasks.create(tenantId, name, definition({ tags: name < 'd' ? ['early', 'x'] : ['late'] }));
    }
    await tasks.update(tenantId, 'bravo', (current) => ({ ...current, model: 'b2' }));
    await tasks.delete(tenantId, 'echo');

    const first = await tasks.list(tenantId, { limit: 2 });
    expect(first.data.map((task) => task.name)).toEqual(['alpha', 'bravo']);
    expect(first.data[1]).toMatchObject({ version: 2, model: 'b2' });
    const second = await tasks.list(tenantId, { limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((task) => task.name)).toEqual(['charlie', 'delta']);
    expect(second.nextCursor).toBeNull();

    expect((await tasks.list(tenantId, { limit: 50, tags: ['early'] })).data.map((t) => t.name)).toEqual([
      'alpha',
      'bravo',
      'charlie',
    ]);
    expect((await tasks.list(tenantId, { limit: 50, tags: ['early', 'late'] })).data).toEqual([]);
    expect((await tasks.list(tenantId, { limit: 50, tags: ['late'] })).data.map((t) => t.name)).toEqual([
      'delta',
    ]);
    await expect(tasks.list(tenantId, { limit: 5, cursor: 'nope' })).rejects.toMatchObject({
      code: 'E_VALIDATION',
    });
  });

  it('lists versions newest first, a page at a time', async () => {
    await tasks.create(tenantId, 'paged', definition());
    for (let i = 2; i <= 5; i++)
      await tasks.update(tenantId, 'paged', (current) => ({ ...current, model: `m${i}` }));

    const first = await tasks.listVersions(tenantId, 'paged', { limit: 2 });
    expect(first?.data.map((v) => [v.version, v.model])).toEqual([
      [5, 'm5'],
      [4, 'm4'],
    ]);
    const rest = await tasks.listVersions(tenantId, 'paged', { limit: 10, cursor: first!.nextCursor! });
    expect(rest?.data.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(rest?.nextCursor).toBeNull();
    expect(rest?.data.every((v) => v.latestVersion === 5)).toBe(true);
  });
});
