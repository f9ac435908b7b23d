import { type GtrClient, type GtrClientOptions } from '@gtr/client';

/** Where the CLI writes: `process.stdout` / `process.stderr`, or a capture in specs. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches outside itself, so specs can run it in-process. */
export interface CliDeps {
  createClient(options: Pick<GtrClientOptions, 'baseUrl' | 'apiKey'>): GtrClient;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The environment, read only through `loadClientConfig`. */
  env: Record<string, string | undefined>;
  /** Aborts what is in flight (Ctrl+C). */
  signal?: AbortSignal;
}
