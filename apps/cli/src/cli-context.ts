import { type GtrClient } from '@gtr/client';
import { loadClientConfig, requireApiKey, type ClientConfig } from '@gtr/config';
import { type CliDeps } from './cli-deps';
import { dim } from './output/style';

/** What every command uses: output streams, the lazily configured client, the abort signal. */
export class CliContext {
  private config: ClientConfig | undefined;
  private gtrClient: GtrClient | undefined;
  /** Set by a command that decides its own exit code (e.g. a run that failed). */
  exitCode = 0;

  constructor(private readonly deps: CliDeps) {}

  get signal(): AbortSignal | undefined {
    return this.deps.signal;
  }

  get stderr(): CliDeps['stderr'] {
    return this.deps.stderr;
  }

  /** Configured on first use, so `--help` and flag errors need no API key. */
  client(): GtrClient {
    if (!this.gtrClient) {
      const config = this.clientConfig();
      this.gtrClient = this.deps.createClient({ baseUrl: config.apiUrl, apiKey: requireApiKey(config) });
    }
    return this.gtrClient;
  }

  clientConfig(): ClientConfig {
    this.config ??= loadClientConfig(this.deps.env);
    return this.config;
  }

  /** Values that must never be printed (the API key, once known). */
  secrets(): string[] {
    return this.config?.apiKey ? [this.config.apiKey] : [];
  }

  /** Where the key came from, once known (for an authentication error's hint). */
  keySource(): ClientConfig['keySource'] | undefined {
    return this.config?.keySource;
  }

  /** Writes a line (or text) to stdout. */
  out(text: string): void {
    this.deps.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value, null, 2));
  }

  /** A line for the human on stderr, dimmed on a terminal. */
  note(text: string): void {
    this.deps.stderr.write(`${dim(text, this.deps.stderr.isTTY === true)}\n`);
  }

  /** Writes diagnostic text to stderr as it is. */
  err(text: string): void {
    this.deps.stderr.write(text);
  }
}
