import { assertValidSlotArgs, type HeldSlot, type SlotDriver } from './slot-driver';

/** Lease expiry by holder, per `<prefix>:slots:<key>`, shared by every in-process driver. */
const slots = new Map<string, Map<string, number>>();

/** The in-memory {@link SlotDriver} (embedded mode and tests). */
export class InProcessSlotDriver implements SlotDriver {
  private closed = false;

  constructor(private readonly prefix: string) {}

  async tryAcquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    this.assertOpen();
    assertValidSlotArgs(limit, leaseMs);
    const name = this.nameOf(key);
    const now = Date.now();
    const holders = slots.get(name) ?? new Map<string, number>();
    for (const [other, expiresAt] of holders) if (expiresAt <= now) holders.delete(other);
    if (!holders.has(holder) && holders.size >= limit) return false;
    holders.set(holder, now + leaseMs);
    slots.set(name, holders);
    return true;
  }

  async release(key: string, holder: string): Promise<void> {
    const name = this.nameOf(key);
    const holders = slots.get(name);
    holders?.delete(holder);
    if (holders?.size === 0) slots.delete(name);
  }

  async renew(held: readonly HeldSlot[], leaseMs: number): Promise<void> {
    this.assertOpen();
    const now = Date.now();
    for (const { key, holder } of held) {
      const holders = slots.get(this.nameOf(key));
      const expiresAt = holders?.get(holder);
      if (holders && expiresAt !== undefined && expiresAt > now) holders.set(holder, now + leaseMs);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private nameOf(key: string): string {
    return `${this.prefix}:slots:${key}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The slot driver is closed');
  }
}
