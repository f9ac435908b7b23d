import { startMockLlm, type MockLlm } from '../start-mock-llm';
import { CLI_USAGE, parseCliArgs } from './parse-cli-args';

/**
 * Runs the `mock-llm` command: prints the usage for `--help` (resolving null), otherwise
 * starts the mock and prints its base URL as the only line on `print`.
 */
export async function runCli(argv: string[], print: (line: string) => void): Promise<MockLlm | null> {
  const request = parseCliArgs(argv);
  if (request.help) {
    print(CLI_USAGE);
    return null;
  }
  const mock = await startMockLlm(request.options);
  print(mock.url);
  return mock;
}
