#!/usr/bin/env node
// `npm start`: builds what is missing (Nx cache makes a rebuild a no-op), then runs the whole
// system on this machine: the api with its embedded worker, Postgres (PGlite) and queue, and the
// dashboard. Ctrl-C stops everything. Settings come from the environment (see .env.example).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'cli', 'web', '--outputStyle=static'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

// The one validated config schema, from the build that just ran.
const { loadConfig, apiUrlOf } = require(join(root, 'dist/api/libs/config/src/index.js'));
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(78);
}
const apiUrl = apiUrlOf(config);
const children = [];
let stopping = false;

function run(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code}); stopping gtr`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

run('api', process.execPath, ['dist/api/apps/api/src/main.js'], {});
if (!(await waitReady(apiUrl, 60_000))) {
  console.error(`the api did not become ready at ${apiUrl}`);
  stop(1);
} else {
  run(
    'web',
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', 'apps/web', '-p', String(config.WEB_PORT)],
    {
      GTR_API_URL: apiUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  );
  const provider = config.OPENAI_API_KEY ? 'openai' : 'dry-run (set OPENAI_API_KEY for real answers)';
  console.log(`
  gtr is running (embedded: ${config.DATABASE_URL ? 'Postgres from DATABASE_URL' : 'PGlite in ' + config.GTR_DATA_DIR}, ${config.REDIS_URL ? 'Redis' : 'in-process queue'}, provider ${provider})

    Dashboard   http://localhost:${config.WEB_PORT}   (sign in with the key in ${join(config.GTR_DATA_DIR, 'credentials.json')})
    API         ${apiUrl}   (OpenAPI at ${apiUrl}/docs)
    CLI         npx gtr run -p "Say hi" --wait

  Ctrl-C stops it.
`);
}
