{{/*
Shared names, labels and pod fragments of the gtr chart.
*/}}

{{- define "gtr.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gtr.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "gtr.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "gtr.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gtr
{{- end }}

{{/* Labels of one component. Usage: include "gtr.componentLabels" (dict "ctx" $ "component" "api") */}}
{{- define "gtr.componentLabels" -}}
{{ include "gtr.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Selector of one component; never add labels here (selectors are immutable). */}}
{{- define "gtr.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gtr.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Image reference. Usage: include "gtr.image" (dict "ctx" $ "image" .Values.api.image) */}}
{{- define "gtr.image" -}}
{{- $registry := .ctx.Values.image.registry | trimSuffix "/" }}
{{- $tag := .image.tag | default .ctx.Values.image.tag | default .ctx.Chart.AppVersion }}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{- define "gtr.apiUrl" -}}
{{- printf "http://%s-api:%d" (include "gtr.fullname" .) (int .Values.api.service.port) }}
{{- end }}

{{- define "gtr.secretName" -}}
{{- required "secrets.existingSecret: name the Secret that holds DATABASE_URL, REDIS_URL and GTR_ADMIN_API_KEY (see docs/deployment.md)" .Values.secrets.existingSecret }}
{{- end }}

{{/*
Environment entries read from the Secret. Usage:
  include "gtr.secretEnv" (dict "ctx" $ "names" (list "DATABASE_URL" "REDIS_URL"))
OPENAI_API_KEY is optional (absent: the dry-run provider); the others must be in the Secret, so a
missing key stops the pod at CreateContainerConfigError instead of starting half-configured.
*/}}
{{- define "gtr.secretEnv" -}}
{{- $secret := include "gtr.secretName" .ctx }}
{{- range .names }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ index $.ctx.Values.secrets.keys . | default . }}
      optional: {{ eq . "OPENAI_API_KEY" }}
{{- end }}
{{- end }}

{{/* Seconds a worker may take to drain: explicit, else the run timeout + 30 s; never less. */}}
{{- define "gtr.workerGracePeriod" -}}
{{- $timeout := div (int .Values.config.GTR_RUN_TIMEOUT_MS) 1000 }}
{{- $grace := .Values.worker.terminationGracePeriodSeconds | default (add $timeout 30) | int }}
{{- if le $grace $timeout }}
{{- fail (printf "worker.terminationGracePeriodSeconds (%d) must be longer than GTR_RUN_TIMEOUT_MS (%d s), or in-flight attempts are killed mid-call" $grace $timeout) }}
{{- end }}
{{- $grace }}
{{- end }}

{{/* prometheus.io annotations for annotation-based scraping. Usage: include "gtr.scrapeAnnotations" (dict "ctx" $ "port" 3000) */}}
{{- define "gtr.scrapeAnnotations" -}}
{{- if .ctx.Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /metrics
prometheus.io/port: {{ .port | quote }}
{{- end }}
{{- end }}

{{/*
Pod-level fields every gtr pod shares. enableServiceLinks is off because Kubernetes would inject
<SERVICE>_PORT=tcp://… variables: a release named "gtr" has a service gtr-worker, whose
GTR_WORKER_PORT=tcp://… fails gtr's config validation at boot.
*/}}
{{- define "gtr.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- if .Values.serviceAccountName }}
serviceAccountName: {{ .Values.serviceAccountName }}
{{- end }}
automountServiceAccountToken: false
enableServiceLinks: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end }}

{{/*
Scheduling fields of one component. A topology spread constraint without a labelSelector gets the
component's selector, so values files need not repeat the release name.
Usage: include "gtr.scheduling" (dict "ctx" $ "component" "api" "values" .Values.api)
*/}}
{{- define "gtr.scheduling" -}}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- range . }}
  {{- $constraint := deepCopy . }}
  {{- if not (hasKey $constraint "labelSelector") }}
  {{- $_ := set $constraint "labelSelector" (dict "matchLabels" (include "gtr.selectorLabels" $ | fromYaml)) }}
  {{- end }}
  - {{ toYaml $constraint | indent 4 | trim }}
  {{- end }}
{{- end }}
{{- end }}
