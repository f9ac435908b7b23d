import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { artifactPath } from './artifact-path';
import { WORKSPACE_ROOT } from './workspace-root';

export interface ServiceOptions {
  name: string;
  /** Arguments to `node`. */
  args: string[];
  /** The whole environment of the child: nothing leaks in from the test runner. */
  env: Record<string, string>;
  /** Polled until it answers 2xx. */
  readyUrl: string;
  timeoutMs?: number;
}

/**
 * A Node process started for a test. Its output is kept for failure messages and written to
 * `<tmp>/gtr-web-e2e/<name>.log` for a look after a failed run.
 */
export interface ChildService {
  readonly name: string;
  output(): string;
  stop(): Promise<void>;
}

const MAX_OUTPUT_CHARS = 20_000;

export async function startService(options: ServiceOptions): Promise<ChildService> {
  const child = spawn(process.execPath, options.args, {
    cwd: WORKSPACE_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const log = createWriteStream(artifactPath(`${options.name}.log`));
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
    log.write(chunk);
  };
  child.once('exit', () => log.end());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const service: ChildService = {
    name: options.name,
    output: () => output,
    stop: () => stopChild(child, exited),
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${options.name} exited with code ${exitCode} before it was ready:\n${output}`);
    }
    if (await answers(options.readyUrl)) return service;
    await sleep(200);
  }
  await service.stop();
  throw new Error(`${options.name} was not ready at ${options.readyUrl} in time:\n${output}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
    await res.body?.cancel();
    return res.status >= 200 && res.status < 400;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
