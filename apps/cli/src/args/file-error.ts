import { GtrError, type ErrorCode } from '@gtr/domain';

/** A file named by a flag could not be used (exit 20-22); the message names the flag and the path. */
export class FileError extends GtrError {
  constructor(
    code: Extract<ErrorCode, 'E_FILE_NOT_FOUND' | 'E_FILE_READ' | 'E_FILE_FORMAT'>,
    message: string,
    readonly action: string,
  ) {
    super(code, message);
    this.name = 'FileError';
  }
}
