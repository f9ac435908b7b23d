import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock } from './data-dir-lock';

describe('acquireDataDirLock', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gtr-lock-'));
    file = join(dir, 'pgdata.lock');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the lock until released', async () => {
    const release = await acquireDataDirLock(file);
    expect(await readFile(file, 'utf8')).toBe(String(process.pid));
    await expect(acquireDataDirLock(file)).rejects.toMatchObject({
      code: 'E_SYSTEM_DATABASE',
      message: expect.stringContaining(`in use by process ${process.pid}`),
    });
    await release();
    const again = await acquireDataDirLock(file);
    await again();
  });

  it.each([
    ['a dead process', '2147483646'],
    ['garbage', 'not a pid'],
  ])('takes over a lock left by %s', async (_, content) => {
    await writeFile(file, content);
    const release = await acquireDataDirLock(file);
    expect(await readFile(file, 'utf8')).toBe(String(process.pid));
    await release();
  });

  it('reports a lock file it cannot create', async () => {
    await expect(acquireDataDirLock(join(dir, 'missing', 'pgdata.lock'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
