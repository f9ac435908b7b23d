import { open, readFile, unlink } from 'node:fs/promises';
import { GtrError } from '@gtr/domain';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file holding this process id, so two embedded databases never open
 * the same data folder (which would corrupt it). A lock left by a dead process is taken over.
 * Returns the function that releases it.
 * @throws GtrError `E_SYSTEM_DATABASE` when a live process holds the lock.
 */
export async function acquireDataDirLock(file: string): Promise<() => Promise<void>> {
  for (let tries = 0; ; tries++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 0) throw error;
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && isAlive(holder)) {
      throw new GtrError(
        'E_SYSTEM_DATABASE',
        `The embedded database in ${file.replace(/[/\\][^/\\]*$/, '')} is in use by process ${holder}. ` +
          'Stop it, or set DATABASE_URL.',
      );
    }
    await unlink(file).catch(() => undefined);
  }
}
