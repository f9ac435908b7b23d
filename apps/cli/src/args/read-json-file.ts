import { readFile } from 'node:fs/promises';
import { FileError } from './file-error';

/**
 * Reads and parses the JSON file a flag names.
 * @throws FileError `E_FILE_NOT_FOUND` (exit 20), `E_FILE_READ` (21: a folder, no permission, not
 * UTF-8) or `E_FILE_FORMAT` (22: not JSON), each naming the flag and the path.
 */
export async function readJsonFile(path: string, flag: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT')
      throw new FileError('E_FILE_NOT_FOUND', `${flag}: no file at ${path}`, 'Check the path.');
    throw unreadable(flag, path, typeof code === 'string' ? code : 'unknown error');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(flag, path, 'not UTF-8 text');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FileError(
      'E_FILE_FORMAT',
      `${flag}: ${path} is not valid JSON (${(error as Error).message})`,
      'Fix the JSON in the file.',
    );
  }
}

function unreadable(flag: string, path: string, reason: string): FileError {
  return new FileError(
    'E_FILE_READ',
    `${flag}: cannot read ${path} (${reason})`,
    'Check that it is a readable UTF-8 file.',
  );
}
