#!/usr/bin/env node
// Raises each project's Jest coverage thresholds to what its last `--coverage` run measured,
// rounded down and less one point of slack (timing-dependent paths make coverage vary a little
// between runs), and never lowers them. Run after `npm test`; commit the changed jest.config.js.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const projects = JSON.parse(
  execFileSync('npx', ['nx', 'show', 'projects', '--json'], { cwd: root, encoding: 'utf8' }),
);
const KEYS = ['lines', 'statements', 'functions', 'branches'];

for (const name of projects) {
  const project = JSON.parse(
    execFileSync('npx', ['nx', 'show', 'project', name, '--json'], { cwd: root, encoding: 'utf8' }),
  );
  const configPath = join(root, project.root, 'jest.config.js');
  const summaryPath = join(root, 'coverage', project.root, 'coverage-summary.json');
  if (!existsSync(configPath) || !existsSync(summaryPath)) continue;
  const total = JSON.parse(readFileSync(summaryPath, 'utf8')).total;
  const source = readFileSync(configPath, 'utf8');
  const current = /coverageThreshold: \{ global: (\{[^}]*\}) \}/.exec(source);
  const old = current ? JSON.parse(current[1].replace(/(\w+):/g, '"$1":')) : {};
  const next = Object.fromEntries(
    KEYS.map((k) => [k, Math.max(old[k] ?? 0, Math.max(0, Math.floor(total[k].pct) - 1))]),
  );
  const line = `coverageThreshold: { global: { ${KEYS.map((k) => `${k}: ${next[k]}`).join(', ')} } },`;
  const updated = current
    ? source.replace(/coverageThreshold: \{ global: \{[^}]*\} \},/, line)
    : source.replace(/(\n\s*coverageDirectory:[^\n]*\n)/, `$1  ${line}\n`);
  if (updated !== source) writeFileSync(configPath, updated);
  console.log(`${name.padEnd(12)} ${KEYS.map((k) => `${k} ${next[k]}%`).join('  ')}`);
}
