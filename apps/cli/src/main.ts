import { createGtrClient } from '@gtr/client';
import { buildProgram } from './program';

const interrupt = new AbortController();
// The first Ctrl+C stops gracefully; a second one kills the process the default way.
process.once('SIGINT', () => interrupt.abort());

buildProgram({
  createClient: createGtrClient,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
})
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
