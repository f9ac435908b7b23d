import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type PGlite } from '@electric-sql/pglite';
import { type PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDataDirLock } from './data-dir-lock';
import { loadPglite } from './load-pglite';

/** A running embedded Postgres. */
export interface EmbeddedPostgres {
  /** `postgres://` URL of the local socket server on 127.0.0.1. */
  url: string;
  /** Closes connections, flushes the data to disk and frees the data folder. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder of the database; the data goes to `<dataDir>/pgdata`. */
  dataDir: string;
  /** Most client connections at once (default 20). */
  maxConnections?: number;
  /** Port on 127.0.0.1 to listen on (default: a free one). */
  port?: number;
}

/** Pool size for clients of the embedded database: it runs one query at a time anyway. */
export const EMBEDDED_POOL_SIZE = 4;

/**
 * Starts Postgres in-process (PGlite, persisted under `<dataDir>/pgdata`) behind a socket server
 * on 127.0.0.1, so the rest of gtr talks to it through the ordinary `pg` driver. The server runs
 * one query at a time and keeps a transaction's statements together, so clients get normal
 * transaction semantics; keep their pools small (`EMBEDDED_POOL_SIZE`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true });
  const releaseLock = await acquireDataDirLock(join(options.dataDir, 'pgdata.lock'));
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    const { PGlite, PGLiteSocketServer } = await loadPglite();
    db = await PGlite.create(join(options.dataDir, 'pgdata'));
    server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 20,
    });
    await server.start();
  } catch (error) {
    await db?.close().catch(() => undefined);
    await releaseLock();
    throw error;
  }
  const port = server.getServerConn().split(':').pop();
  let stopping: Promise<void> | undefined;
  const running = { db, server };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      stopping ??= (async () => {
        await running.server.stop();
        await running.db.close();
        await releaseLock();
      })();
      return stopping;
    },
  };
}
