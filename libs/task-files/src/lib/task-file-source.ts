import { createReadStream } from 'node:fs';
import { GtrError } from '@gtr/domain';

/** The contents of a task file in chunks: bytes (UTF-8), or text already decoded. */
export type TaskFileChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Where a task file comes from: a path on disk (a string is always a path), or its contents
 * in chunks — a Node `Readable`, a web `ReadableStream`, an upload's buffers, or `[text]`.
 */
export type TaskFileSource = string | TaskFileChunks;

const CHUNK_BYTES = 64 * 1024;

/**
 * The chunks of `source`, read lazily. A path is streamed from disk in 64 KiB chunks.
 * @throws GtrError `E_FILE_NOT_FOUND` (no such file) or `E_FILE_READ` (a folder, no permission,
 * or the source stream failed).
 */
export async function* chunksOf(source: TaskFileSource): AsyncGenerator<Uint8Array | string> {
  try {
    if (typeof source === 'string') {
      yield* createReadStream(source, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>;
    } else {
      yield* source;
    }
  } catch (error) {
    throw toFileError(error, typeof source === 'string' ? source : undefined);
  }
}

function toFileError(error: unknown, path: string | undefined): GtrError {
  if (error instanceof GtrError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const name = path ?? 'the task file';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new GtrError('E_FILE_NOT_FOUND', `File not found: ${name}`);
    case 'EACCES':
    case 'EPERM':
      return new GtrError('E_FILE_READ', `Cannot read ${name}: permission denied`);
    case 'EISDIR':
      return new GtrError('E_FILE_READ', `Cannot read ${name}: it is a folder`);
    default: {
      const reason =
        typeof code === 'string' ? code : ((error as { message?: unknown } | null)?.message ?? String(error));
      return new GtrError('E_FILE_READ', `Cannot read ${name} (${String(reason)})`);
    }
  }
}
