/**
 * The error taxonomy: one row per code. Every error a user can see carries one of these
 * codes; the HTTP status, the CLI exit code and the retry decision all come from this table.
 */
export type ErrorCategory =
  'provider' | 'input' | 'file' | 'validation' | 'config' | 'system' | 'batch' | 'auth' | 'internal';

export interface ErrorCodeInfo {
  category: ErrorCategory;
  /** Whether the engine retries a run that failed with this code. */
  retryable: boolean;
  httpStatus: number;
  exitCode: number;
  message: string;
  action: string;
}

export const ERROR_CODES = {
  E_RATE_LIMIT: {
    category: 'provider',
    retryable: true,
    httpStatus: 429,
    exitCode: 10,
    message: 'The provider rate limit was exceeded.',
    action: 'Lower concurrency or raise the limit; the run is retried with backoff.',
  },
  E_TIMEOUT: {
    category: 'provider',
    retryable: true,
    httpStatus: 504,
    exitCode: 11,
    message: 'The provider did not answer in time.',
    action: 'Raise the task timeout or retry later.',
  },
  E_AUTH: {
    category: 'auth',
    retryable: false,
    httpStatus: 401,
    exitCode: 12,
    message: 'Authentication failed.',
    action: 'Check the API key (GTR_API_KEY for the CLI, OPENAI_API_KEY for the provider).',
  },
  E_FORBIDDEN: {
    category: 'auth',
    retryable: false,
    httpStatus: 403,
    exitCode: 12,
    message: 'The API key lacks the scope for this action.',
    action: 'Use a key with the needed scope.',
  },
  E_INPUT: {
    category: 'input',
    retryable: false,
    httpStatus: 400,
    exitCode: 13,
    message: 'The request is invalid.',
    action: 'Fix the field named in the error and send it again.',
  },
  E_QUOTA: {
    category: 'provider',
    retryable: false,
    httpStatus: 402,
    exitCode: 14,
    message: 'The provider quota is exhausted.',
    action: 'Check the provider billing and plan.',
  },
  E_SERVER_ERROR: {
    category: 'provider',
    retryable: true,
    httpStatus: 502,
    exitCode: 15,
    message: 'The provider answered with a server error.',
    action: 'The run is retried; if it persists, check the provider status.',
  },
  E_NETWORK: {
    category: 'provider',
    retryable: true,
    httpStatus: 502,
    exitCode: 16,
    message: 'The provider could not be reached.',
    action: 'Check OPENAI_BASE_URL and the network.',
  },
  E_CONTEXT_LENGTH: {
    category: 'provider',
    retryable: false,
    httpStatus: 400,
    exitCode: 17,
    message: 'The prompt exceeds the model context length.',
    action: 'Shorten the prompt or lower max tokens.',
  },
  E_CONTENT_FILTER: {
    category: 'provider',
    retryable: false,
    httpStatus: 422,
    exitCode: 18,
    message: 'The provider content filter blocked the request or answer.',
    action: 'Change the prompt.',
  },
  E_OUTPUT_INVALID: {
    category: 'validation',
    retryable: true,
    httpStatus: 422,
    exitCode: 33,
    message: 'The model output does not match the output schema.',
    action: 'Adjust the prompt or the schema.',
  },
  E_FILE_NOT_FOUND: {
    category: 'file',
    retryable: false,
    httpStatus: 400,
    exitCode: 20,
    message: 'The file was not found.',
    action: 'Check the path.',
  },
  E_FILE_READ: {
    category: 'file',
    retryable: false,
    httpStatus: 400,
    exitCode: 21,
    message: 'The file could not be read.',
    action: 'Check permissions and encoding (UTF-8).',
  },
  E_FILE_FORMAT: {
    category: 'file',
    retryable: false,
    httpStatus: 400,
    exitCode: 22,
    message: 'The file format is invalid.',
    action: 'Use CSV or JSONL as documented.',
  },
  E_FILE_WRITE: {
    category: 'file',
    retryable: false,
    httpStatus: 500,
    exitCode: 23,
    message: 'The output file could not be written.',
    action: 'Check the output path and free space.',
  },
  E_VALIDATION: {
    category: 'validation',
    retryable: false,
    httpStatus: 400,
    exitCode: 30,
    message: 'Validation failed.',
    action: 'Fix the fields named in the error.',
  },
  E_VALIDATION_MISSING_FIELD: {
    category: 'validation',
    retryable: false,
    httpStatus: 400,
    exitCode: 31,
    message: 'A required field is missing.',
    action: 'Add the field named in the error.',
  },
  E_VALIDATION_TYPE: {
    category: 'validation',
    retryable: false,
    httpStatus: 400,
    exitCode: 32,
    message: 'A field has the wrong type or range.',
    action: 'Fix the field named in the error.',
  },
  E_TOO_LARGE: {
    category: 'input',
    retryable: false,
    httpStatus: 413,
    exitCode: 13,
    message: 'The request body is too large.',
    action: 'Send less per request (prompts are capped at 1,000,000 characters, bodies at 4 MB).',
  },
  E_NOT_FOUND: {
    category: 'input',
    retryable: false,
    httpStatus: 404,
    exitCode: 13,
    message: 'Not found.',
    action: 'Check the id.',
  },
  E_CONFLICT: {
    category: 'input',
    retryable: false,
    httpStatus: 409,
    exitCode: 13,
    message: 'The resource is not in a state that allows this action.',
    action: 'Reload it and try again.',
  },
  E_CONFIG: {
    category: 'config',
    retryable: false,
    httpStatus: 500,
    exitCode: 40,
    message: 'The configuration is invalid.',
    action: 'Fix the variable named in the error.',
  },
  E_CONFIG_MISSING: {
    category: 'config',
    retryable: false,
    httpStatus: 500,
    exitCode: 41,
    message: 'A required setting is missing.',
    action: 'Set the variable named in the error.',
  },
  E_CONFIG_PROVIDER: {
    category: 'config',
    retryable: false,
    httpStatus: 500,
    exitCode: 42,
    message: 'The provider is not configured.',
    action: 'Set OPENAI_API_KEY or use the dry-run provider.',
  },
  E_SYSTEM: {
    category: 'system',
    retryable: true,
    httpStatus: 503,
    exitCode: 50,
    message: 'A system dependency is unavailable.',
    action: 'Check Postgres and Redis.',
  },
  E_SYSTEM_DATABASE: {
    category: 'system',
    retryable: true,
    httpStatus: 503,
    exitCode: 51,
    message: 'The database is unavailable.',
    action: 'Check DATABASE_URL and Postgres.',
  },
  E_SYSTEM_QUEUE: {
    category: 'system',
    retryable: true,
    httpStatus: 503,
    exitCode: 52,
    message: 'The queue is unavailable.',
    action: 'Check REDIS_URL and Redis.',
  },
  E_BATCH: {
    category: 'batch',
    retryable: false,
    httpStatus: 400,
    exitCode: 60,
    message: 'The batch failed.',
    action: 'See the errors of its runs.',
  },
  E_BATCH_CANCELLED: {
    category: 'batch',
    retryable: false,
    httpStatus: 409,
    exitCode: 61,
    message: 'The batch was cancelled.',
    action: 'Resume or retry it.',
  },
  E_BATCH_LIMIT: {
    category: 'batch',
    retryable: false,
    httpStatus: 413,
    exitCode: 62,
    message: 'The batch exceeds a limit.',
    action: 'Split the file.',
  },
  E_CANCELLED: {
    category: 'input',
    retryable: false,
    httpStatus: 409,
    exitCode: 63,
    message: 'The run was cancelled.',
    action: 'Submit it again if needed.',
  },
  E_UNKNOWN: {
    category: 'internal',
    retryable: false,
    httpStatus: 500,
    exitCode: 70,
    message: 'An unknown error occurred.',
    action: 'See the logs with the run id.',
  },
  E_INTERNAL: {
    category: 'internal',
    retryable: false,
    httpStatus: 500,
    exitCode: 71,
    message: 'An internal error occurred.',
    action: 'See the logs with the run id and report it.',
  },
  E_PARTIAL_SUCCESS: {
    category: 'batch',
    retryable: false,
    httpStatus: 200,
    exitCode: 80,
    message: 'Some runs failed.',
    action: 'Retry the failed runs.',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

export function errorInfo(code: ErrorCode): ErrorCodeInfo {
  return ERROR_CODES[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}
