import { Writable } from 'node:stream';
import { type Logger, createLogger } from '@gtr/telemetry';

/** A real (redacting) JSON logger whose lines are kept in `lines` for assertions. */
export function capturingLogger(
  name: string,
  level = 'info',
): { logger: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const logger = createLogger({
    name,
    level,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  });
  return { logger, lines, text: () => lines.join('') };
}
