import { randomUUID } from 'node:crypto';
import { assertValidTtl, type LockDriver, type LockResult } from './lock-driver';

/** Held locks of this process by `<prefix>:lock:<key>`, shared by every in-process driver. */
const held = new Map<string, { token: string; expiresAt: number }>();

/** The in-memory {@link LockDriver} (embedded mode and tests). */
export class InProcessLockDriver implements LockDriver {
  private closed = false;

  constructor(private readonly prefix: string) {}

  async withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>): Promise<LockResult<T>> {
    if (this.closed) throw new Error('The lock driver is closed');
    assertValidTtl(ttlMs);
    const name = `${this.prefix}:lock:${key}`;
    const current = held.get(name);
    if (current && current.expiresAt > Date.now()) return { acquired: false };
    const token = randomUUID();
    held.set(name, { token, expiresAt: Date.now() + ttlMs });
    try {
      return { acquired: true, value: await fn() };
    } finally {
      if (held.get(name)?.token === token) held.delete(name);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
