import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { GtrError } from '@gtr/domain';
import { type ScheduleTargetFlags } from '../args/schedule-target-flags';
import { type CliContext } from '../cli-context';

/**
 * For `-i FILE`: uploads the task file (the server checks every row, against `--task` when
 * given, and stores it), then calls `use` with its id. When `use` fails (the schedule is
 * refused) the stored file is deleted again, so nothing is left behind. Without `-i`, calls
 * `use` with no id.
 * @throws GtrError `E_FILE_NOT_FOUND` when the file cannot be opened; the API's error
 * (`E_VALIDATION` naming rows and fields) when a row is invalid.
 */
export async function withUploadedTaskFile<T>(
  ctx: CliContext,
  flags: ScheduleTargetFlags,
  use: (taskFileId: string | undefined) => Promise<T>,
): Promise<T> {
  if (flags.input === undefined) return use(undefined);
  let blob: Blob;
  try {
    blob = await openAsBlob(flags.input);
  } catch {
    throw new GtrError('E_FILE_NOT_FOUND', `File not found: ${flags.input}`);
  }
  const client = ctx.client();
  const file = await client.uploadTaskFile(
    blob,
    { fileName: basename(flags.input), ...(flags.task && { task: flags.task.task }) },
    { signal: ctx.signal },
  );
  ctx.note(`${file.name}: ${file.rows} rows checked and stored as task file ${file.id}`);
  try {
    return await use(file.id);
  } catch (error) {
    await client.deleteTaskFile(file.id).catch(() => undefined);
    throw error;
  }
}
