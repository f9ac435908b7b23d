import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { transformFileSync } from '@swc/core';

const SRC = join(__dirname, '..');
const NODE_MODULES = join(__dirname, '../../../../node_modules');

function compile(into: string): void {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
  );
  for (const file of files) {
    const { code } = transformFileSync(join(SRC, file), {
      swcrc: false,
      module: { type: 'commonjs' },
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    });
    const out = join(into, relative(SRC, join(SRC, file)).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
}

describe('the mock-llm command', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mock-llm-cli-'));
    compile(dir);
  });
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[]) {
    const child = spawn(process.execPath, [join(dir, 'main.js'), ...args], {
      env: { ...process.env, NODE_PATH: NODE_MODULES },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  }

  it('prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const child = run(['--port', '0', '--latency', '1', '--rpm', '600']);
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim()));
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Say up' }] }),
    });
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('600');
    expect((await response.json()).choices[0].message.content).toBe('up');
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await expect(exit).resolves.toBe(0);
  });

  it('exits 2 with a message on a bad flag', async () => {
    const child = run(['--rpm', 'many']);
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toBe('mock-llm: --rpm must be an integer, got "many"\n');
  });
});
