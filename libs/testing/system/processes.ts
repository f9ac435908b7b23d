/**
 * Processes of a system under test, started from the built `dist` as an operator would: the
 * api, workers, migrations and the real `gtr` CLI. For the e2e suites and the benchmarks.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** The workspace root: the first folder above this file whose package.json is the monorepo's. */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gpt-task-runner'
    )
      return dir;
  }
  throw new Error(`no gpt-task-runner package.json above ${from}`);
}

export const ROOT = findRoot(__dirname);
export const API_MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');
export const MIGRATE_MAIN = join(ROOT, 'dist/api/apps/api/src/migrate.js');
export const WORKER_MAIN = join(ROOT, 'dist/worker/apps/worker/src/main.js');
export const GTR_BIN = join(ROOT, 'apps/cli/bin/gtr.js');

/** Output kept per process: enough for the last errors, bounded for long benchmark runs. */
const OUTPUT_TAIL_CHARS = 64_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A child process whose recent output is kept, so a failure can show it. */
export interface Proc {
  name: string;
  child: ChildProcess;
  /** The pid (set once spawned). */
  pid: number;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts `node ...nodeArgs main` with only PATH and `env` in its environment (nothing leaks from
 * the shell).
 */
export function startProcess(
  name: string,
  main: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Proc {
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${main})`);
  let output = '';
  const onData = (data: Buffer) => {
    output = (output + data.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    name,
    child,
    pid: child.pid,
    output: () => `--- ${name} ---\n${output}`,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Whether it has neither exited nor been ended by a signal (then `exitCode` stays null). */
export function isRunning(proc: Proc): boolean {
  return proc.child.exitCode === null && proc.child.signalCode === null;
}

/** Waits until `url/health/ready` answers 200; throws with the process output when it exits or times out. */
export async function waitForReady(url: string, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(proc)) throw new Error(`${proc.name} exited early\n${proc.output()}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} not ready at ${url}\n${proc.output()}`);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A `gtr` process still running: its output so far, and its result once it exits. */
export interface GtrProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when it exits (also after a kill: `status` is then null). */
  result: Promise<CliResult>;
}

/**
 * Starts the real `gtr` bin as a user would and hands back the process, so a caller can kill it
 * mid-way. It is killed after `timeoutMs` (default 30 min) so a stuck CLI cannot hang its caller.
 */
export function startGtr(args: string[], env: Record<string, string>, timeoutMs = 30 * 60_000): GtrProcess {
  const child = spawn(process.execPath, [GTR_BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const result = new Promise<CliResult>((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, result };
}

/**
 * Runs the real `gtr` bin to the end. Asynchronous on purpose: a mock-llm in the calling process
 * must keep answering while the CLI waits.
 */
export function runGtr(args: string[], env: Record<string, string>, timeoutMs?: number): Promise<CliResult> {
  return startGtr(args, env, timeoutMs).result;
}

/** Runs the api's migrate command against `env`'s DATABASE_URL. */
export function runMigrations(env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [MIGRATE_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrate failed: ${result.stdout}${result.stderr}`);
}
