// Checks rendered manifests against the Kubernetes OpenAPI schemas, offline, with the npm
// packages kubernetes-models and yaml (devDependencies of the repository):
//   node k8s/validate-schemas.mjs . manifest.yaml…
//   node k8s/validate-schemas.mjs /tmp/gtr-k8s-schemas rendered.yaml...
// Catches what `helm lint` cannot: wrong types, missing required fields, unknown kinds. (The
// Kubernetes schemas allow unknown fields, so a misspelt optional field still passes.) Exit 1 on
// any invalid document, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [modulesDir, ...files] = process.argv.slice(2);
if (!modulesDir || !files.length) {
  process.stderr.write(
    'usage: validate-schemas.mjs <dir with node_modules/kubernetes-models> <manifest.yaml>...\n',
  );
  process.exit(2);
}
const requireModel = createRequire(join(modulesDir, 'node_modules', 'package.json'));
const { parseAllDocuments } = requireModel('yaml');

/** `apps/v1` + `Deployment` → the model's module path; the core group has no prefix. */
function modelPath(apiVersion, kind) {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

let checked = 0;
const failures = [];
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) {
      failures.push(`${file}: YAML error: ${doc.errors[0].message}`);
      continue;
    }
    const manifest = doc.toJS();
    if (!manifest) continue;
    const { apiVersion, kind, metadata } = manifest;
    const where = `${file}: ${kind ?? '?'} ${metadata?.name ?? '?'}`;
    let Model;
    try {
      Model = requireModel(modelPath(apiVersion, kind))[kind];
    } catch {
      failures.push(`${where}: no schema for ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new Model(manifest).validate();
      checked += 1;
    } catch (error) {
      const details = error?.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      failures.push(`${where}: ${details || error.message}`);
    }
  }
}

if (failures.length) {
  process.stderr.write(`${failures.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`schemas ok: ${checked} documents\n`);
