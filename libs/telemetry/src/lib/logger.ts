import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out in every log line. Secrets must never reach a log: API keys, provider
 * keys, connection strings (they carry passwords) and auth headers.
 */
export const REDACTED_PATHS = [
  'apiKey',
  'key',
  'password',
  'authorization',
  '*.apiKey',
  '*.key',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.DATABASE_URL',
  'config.REDIS_URL',
  'config.OPENAI_API_KEY',
  'config.GTR_ADMIN_API_KEY',
  'config.GTR_API_KEY',
];

export interface LoggerSettings {
  /** Service name, e.g. `api` or `worker`. */
  name: string;
  level: string;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
}

/** A JSON logger (one object per line) with secret redaction. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    name: settings.name,
    level: settings.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    base: { service: settings.name, pid: process.pid },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
