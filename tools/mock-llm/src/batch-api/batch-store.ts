import { randomBytes } from 'node:crypto';
import { type FileObject, type StoredBatch, type StoredFile } from './batch-objects';

/** Seconds since the epoch, as OpenAI's timestamps. */
export function unixSeconds(ms = Date.now()): number {
  return Math.floor(ms / 1000);
}

/** The files and batches of a mock's Batch API, in memory. */
export class BatchStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly batches = new Map<string, StoredBatch>();

  /** Stores `content` as a new file and returns its object. */
  addFile(filename: string, purpose: string, content: Buffer): FileObject {
    const object: FileObject = {
      id: `file-${randomBytes(12).toString('hex')}`,
      object: 'file',
      bytes: content.length,
      created_at: unixSeconds(),
      filename,
      purpose,
      status: 'processed',
      expires_at: null,
      status_details: null,
    };
    this.files.set(object.id, { object, content });
    return object;
  }

  file(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** A new batch id. */
  nextBatchId(): string {
    return `batch_${randomBytes(12).toString('hex')}`;
  }

  addBatch(batch: StoredBatch): void {
    this.batches.set(batch.object.id, batch);
  }

  batch(id: string): StoredBatch | undefined {
    return this.batches.get(id);
  }

  /** Every batch, newest first (as `GET /v1/batches` lists them). */
  allBatches(): StoredBatch[] {
    return [...this.batches.values()].reverse();
  }

  /** Forgets every file and batch. */
  clear(): void {
    this.files.clear();
    this.batches.clear();
  }
}
