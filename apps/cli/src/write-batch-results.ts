import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type GtrClient } from '@gtr/client';
import { type ErrorCode, GtrError, isErrorCode } from '@gtr/domain';

/** What `writeBatchResults` wrote. */
export interface WrittenResults {
  /** The failed (and cancelled) rows, one JSON line each, when there were any. */
  failedFile: string | null;
  failedRows: number;
  /** The error codes of the failed rows. */
  failureCodes: Set<ErrorCode>;
}

/** `csv` for a `.csv` path, else `jsonl`. */
export function resultsFormatOf(path: string): 'csv' | 'jsonl' {
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'jsonl';
}

/**
 * Streams a batch's results to `out` (format from its extension), and its failed and cancelled
 * rows to `<out>.failed.jsonl`.
 * @throws GtrError `E_FILE_WRITE` when a file cannot be written.
 */
export async function writeBatchResults(
  client: GtrClient,
  id: string,
  out: string,
  signal?: AbortSignal,
): Promise<WrittenResults> {
  await toFile(out, client.batchResults(id, { format: resultsFormatOf(out), signal }));
  const failedFile = `${out}.failed.jsonl`;
  const failureCodes = new Set<ErrorCode>();
  let failedRows = 0;
  let pending = '';
  async function* failedLines(): AsyncGenerator<string> {
    for await (const chunk of client.batchResults(id, {
      format: 'jsonl',
      status: ['failed', 'cancelled'],
      signal,
    })) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line) continue;
        failedRows++;
        const code = (JSON.parse(line) as { errorCode?: unknown }).errorCode;
        if (typeof code === 'string' && isErrorCode(code)) failureCodes.add(code);
      }
      yield chunk;
    }
  }
  await toFile(failedFile, failedLines());
  if (failedRows === 0) await unlink(failedFile).catch(() => undefined);
  return { failedFile: failedRows > 0 ? failedFile : null, failedRows, failureCodes };
}

async function toFile(path: string, chunks: AsyncIterable<string>): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      code.startsWith('E') &&
      !(error instanceof GtrError) &&
      code.length < 10
    ) {
      throw new GtrError('E_FILE_WRITE', `Cannot write ${path} (${code})`);
    }
    throw error;
  }
}
