import { GtrError } from '@gtr/domain';
import { CONFIG_VARIABLES, type AppConfig, type ConfigName } from './config-schema';

/**
 * Reads and validates the environment once. A bad value fails with E_CONFIG naming the
 * variable and the reason, never echoing a sensitive value.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const out: Record<string, unknown> = {};
  const issues: { field: string; message: string }[] = [];
  for (const name of Object.keys(CONFIG_VARIABLES) as ConfigName[]) {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? undefined : raw;
    const result = CONFIG_VARIABLES[name].schema.safeParse(value);
    if (result.success) out[name] = result.data;
    else issues.push({ field: name, message: result.error.issues[0]?.message ?? 'is invalid' });
  }
  if (issues.length) {
    const list = issues.map((i) => `${i.field} ${i.message}`).join('; ');
    throw new GtrError('E_CONFIG', `Invalid configuration: ${list}`, issues);
  }
  return out as AppConfig;
}

/** A copy safe to log: sensitive values replaced by "***" (or undefined when unset). */
export function redactConfig(config: AppConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(CONFIG_VARIABLES) as ConfigName[]) {
    const value = config[name];
    out[name] = CONFIG_VARIABLES[name].sensitive && value !== undefined ? '***' : value;
  }
  return out;
}

/** The provider that serves runs which name none. */
export function defaultProviderName(config: AppConfig): string {
  return config.GTR_PROVIDER ?? (config.OPENAI_API_KEY ? 'openai' : 'dry-run');
}

/** URL of the api as seen from the same machine. */
export function apiUrlOf(config: AppConfig): string {
  return config.GTR_API_URL ?? `http://127.0.0.1:${config.PORT}`;
}
