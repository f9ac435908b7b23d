import { z } from 'zod';
import { variable } from './config-variable';

const url = z.url({ message: 'must be a URL' });
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().min(1);
const optionalString = z.string().min(1).optional();

/** Parses a JSON environment variable, naming what it expected when it is not JSON. */
function json<S extends z.ZodType>(schema: S, example: string) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be JSON, e.g. ${example}` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const providerConfigs = json(
  z.array(
    z
      .object({
        name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a lowercase name like local-vllm'),
        kind: z.enum(['openai', 'dry-run']),
        baseURL: z.url().optional(),
        apiKey: z.string().min(1).optional(),
        defaultModel: z.string().min(1).optional(),
      })
      .strict(),
  ),
  '[{"name":"local-vllm","kind":"openai","baseURL":"http://127.0.0.1:8000/v1","apiKey":"x","defaultModel":"llama"}]',
);

const rateLimitRules = json(
  z.array(
    z
      .object({
        provider: z.string().min(1),
        model: z.string().min(1).optional(),
        requestsPerMinute: z.number().positive().optional(),
        tokensPerMinute: z.number().positive().optional(),
      })
      .strict(),
  ),
  '[{"provider":"openai","requestsPerMinute":500}]',
);

/**
 * Every environment variable gtr reads, in one place. `.env.example` is generated from this
 * table's descriptions (see docs/configuration.md); nothing else in the code reads process.env.
 */
export const CONFIG_VARIABLES = {
  DATABASE_URL: variable(
    url.optional(),
    'Postgres URL. Unset: an embedded Postgres (PGlite) under GTR_DATA_DIR.',
    true,
  ),
  REDIS_URL: variable(url.optional(), 'Redis URL. Unset: in-process queue, limiter and events.', true),
  OPENAI_API_KEY: variable(
    optionalString,
    'OpenAI (or compatible) API key. Unset: the dry-run provider.',
    true,
  ),
  OPENAI_BASE_URL: variable(
    url.optional(),
    'Base URL of an OpenAI-compatible API, e.g. http://localhost:8000/v1.',
  ),
  GTR_PROVIDER: variable(
    optionalString,
    'Default provider: "openai" or "dry-run". Default: openai when OPENAI_API_KEY is set, else dry-run.',
  ),
  GTR_PROVIDERS: variable(
    providerConfigs.default([]),
    'More named providers (any OpenAI-compatible server), JSON: name, kind, baseURL, apiKey, defaultModel.',
    true,
  ),
  GTR_DEFAULT_MODEL: variable(z.string().min(1).default('gpt-4o-mini'), 'Model used when a run names none.'),
  PORT: variable(port.default(3000), 'HTTP port of the api.'),
  WEB_PORT: variable(port.default(3001), 'HTTP port of the dashboard.'),
  GTR_WORKER_PORT: variable(
    port.default(3002),
    'HTTP port of a worker for /health and /metrics (0 = any free port).',
  ),
  LOG_LEVEL: variable(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'Log level of api and worker (JSON logs).',
  ),
  GTR_DATA_DIR: variable(
    z.string().min(1).default('.gtr'),
    'Folder for embedded data and the saved admin key.',
  ),
  GTR_ADMIN_API_KEY: variable(
    z.string().min(16, 'must be at least 16 characters').optional(),
    "Ensured at start as the default tenant's admin key (deployments, test harnesses).",
    true,
  ),
  GTR_QUEUE_PREFIX: variable(z.string().min(1).default('gtr'), 'Prefix of every Redis key gtr writes.'),
  GTR_WORKER_CONCURRENCY: variable(
    positiveInt.max(1000).default(32),
    'Runs one worker process executes at once.',
  ),
  GTR_RATE_LIMITS: variable(
    rateLimitRules.default([]),
    "Requests/tokens per minute per provider (and model), JSON. Unset limits are learned from the provider's headers.",
  ),
  GTR_CLAIM_HEARTBEAT_MS: variable(
    positiveInt.min(100).default(10_000),
    "How often a worker confirms the runs it holds; a claim unconfirmed for 3 beats is its dead worker's, and is released.",
  ),
  GTR_RUN_TIMEOUT_MS: variable(
    positiveInt.default(60_000),
    'Per-attempt provider timeout when a run sets none.',
  ),
  GTR_SCHEDULE_HISTORY_KEEP: variable(
    z.coerce.number().int().min(0).default(1000),
    "Fires kept in each schedule's history (the newest); older ones are purged. 0: no count limit.",
  ),
  GTR_SCHEDULE_HISTORY_DAYS: variable(
    z.coerce.number().int().min(0).default(90),
    'Fires older than this many days are purged from schedule history. 0: no age limit.',
  ),
  GTR_RUN_DEADLINE_MS: variable(
    positiveInt.default(3_600_000),
    'Overall deadline of a run from its creation: no retry is scheduled past it.',
  ),
  GTR_MAX_ATTEMPTS: variable(
    positiveInt.max(20).default(3),
    'Provider calls per run at most, when a run sets none.',
  ),
  GTR_WORKER_ID: variable(optionalString, 'Name of this worker in logs and attempts. Default: hostname-pid.'),
  GTR_API_URL: variable(
    url.optional(),
    'API the CLI and the dashboard talk to. Default: http://127.0.0.1:$PORT.',
  ),
  GTR_API_KEY: variable(
    optionalString,
    'API key the CLI uses. Default: the key saved in GTR_DATA_DIR.',
    true,
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable(url.optional(), 'OTLP endpoint for traces. Unset: tracing off.'),
} as const;

export type ConfigVariables = typeof CONFIG_VARIABLES;
export type ConfigName = keyof ConfigVariables;
export type AppConfig = { [K in ConfigName]: z.infer<ConfigVariables[K]['schema']> };
