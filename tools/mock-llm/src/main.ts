import { runCli } from './cli/run-cli';

runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
  .then((mock) => {
    if (!mock) return;
    const stop = () => {
      mock.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error: unknown) => {
    process.stderr.write(`mock-llm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
