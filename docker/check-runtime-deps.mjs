// Image build check: follows the require graph of compiled entry points (swc CommonJS output)
// through relative requires and checks that every package it names resolves from where it is
// required. A package listed only in devDependencies is missing from `npm ci --omit=dev`; this
// catches it while the image builds instead of at the first start.
//   node check-runtime-deps.mjs <entry.js>...
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { resolve, sep } from 'node:path';

const entries = process.argv.slice(2).map((file) => resolve(file));
if (!entries.length) {
  process.stderr.write('usage: check-runtime-deps.mjs <entry.js>...\n');
  process.exit(2);
}

// swc emits string literals in double quotes; `import()` compiles to require() as well.
const REQUIRE = /\brequire\("([^"]+)"\)/g;
const seen = new Set();
const packages = new Set();
/** Missing specifier → the first file that requires it, and how many do. */
const missing = new Map();
const queue = [...entries];

while (queue.length) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const requireFrom = createRequire(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(REQUIRE)) {
    if (isBuiltin(specifier)) continue;
    let target;
    try {
      target = requireFrom.resolve(specifier);
    } catch {
      const known = missing.get(specifier);
      missing.set(specifier, { first: known?.first ?? file, count: (known?.count ?? 0) + 1 });
      continue;
    }
    if (specifier.startsWith('.')) {
      // Only the application's own files are walked; packages bring their own dependencies.
      if (!target.includes(`${sep}node_modules${sep}`) && target.endsWith('.js')) queue.push(target);
    } else {
      packages.add(specifier);
    }
  }
}

if (missing.size) {
  const lines = [...missing].map(([specifier, { first, count }]) =>
    count > 1
      ? `${specifier} (required by ${first} and ${count - 1} more)`
      : `${specifier} (required by ${first})`,
  );
  process.stderr.write(`modules missing at run time:\n  ${lines.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`runtime dependencies ok: ${seen.size} files, ${packages.size} package imports\n`);
