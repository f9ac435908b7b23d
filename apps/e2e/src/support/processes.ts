import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');
export const API_MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');
export const MIGRATE_MAIN = join(ROOT, 'dist/api/apps/api/src/migrate.js');
export const WORKER_MAIN = join(ROOT, 'dist/worker/apps/worker/src/main.js');
export const GTR_BIN = join(ROOT, 'apps/cli/bin/gtr.js');

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

/** A child process whose output is kept, so a failing test can show it. */
export interface Proc {
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Whether it has neither exited nor been ended by a signal (then `exitCode` stays null). */
export function isRunning(proc: Proc): boolean {
  return proc.child.exitCode === null && proc.child.signalCode === null;
}

export function startProcess(name: string, main: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [main], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return {
    child,
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

export async function waitForReady(url: string, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(proc)) throw new Error(`process exited early\n${proc.output()}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready at ${url}\n${proc.output()}`);
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
 * Starts the real `gtr` bin as a user would, and hands back the process, so a test can kill it
 * mid-way. It is killed after `timeoutMs` (default 60 s) so a stuck CLI fails the test.
 */
export function startGtr(args: string[], env: Record<string, string>, timeoutMs = 60_000): GtrProcess {
  const child = spawn(process.execPath, [GTR_BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
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
 * Runs the real `gtr` bin to the end. Asynchronous on purpose: mock-llm runs in the test
 * process and must keep answering while the CLI waits.
 */
export function gtr(args: string[], env: Record<string, string>, timeoutMs?: number): Promise<CliResult> {
  return startGtr(args, env, timeoutMs).result;
}

export function runMigrations(env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [MIGRATE_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrate failed: ${result.stdout}${result.stderr}`);
}
