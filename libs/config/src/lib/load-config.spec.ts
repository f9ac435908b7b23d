import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GtrError } from '@gtr/domain';
import { CONFIG_VARIABLES } from './config-schema';
import { apiUrlOf, defaultProviderName, loadConfig, redactConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, WEB_PORT: 3001, GTR_DATA_DIR: '.gtr', LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(defaultProviderName(config)).toBe('dry-run');
    expect(apiUrlOf(config)).toBe('http://127.0.0.1:3000');
  });

  it('coerces numbers and treats empty strings as unset', () => {
    const config = loadConfig({ PORT: '8080', GTR_WORKER_CONCURRENCY: '4', REDIS_URL: '' });
    expect(config.PORT).toBe(8080);
    expect(config.GTR_WORKER_CONCURRENCY).toBe(4);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('picks the openai provider when a key is set, unless GTR_PROVIDER says otherwise', () => {
    expect(defaultProviderName(loadConfig({ OPENAI_API_KEY: 'sk-x' }))).toBe('openai');
    expect(defaultProviderName(loadConfig({ OPENAI_API_KEY: 'sk-x', GTR_PROVIDER: 'dry-run' }))).toBe(
      'dry-run',
    );
    expect(apiUrlOf(loadConfig({ GTR_API_URL: 'http://api:9000' }))).toBe('http://api:9000');
  });

  it('names every bad variable and never echoes a secret value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url with secret-password', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GtrError);
    const gtr = error as GtrError;
    expect(gtr.code).toBe('E_CONFIG');
    expect(gtr.issues.map((i) => i.field).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(gtr.message).not.toContain('secret-password');
  });

  it('parses rate-limit rules and names the variable when they are not JSON', () => {
    expect(loadConfig({}).GTR_RATE_LIMITS).toEqual([]);
    expect(
      loadConfig({ GTR_RATE_LIMITS: '[{"provider":"openai","requestsPerMinute":600}]' }).GTR_RATE_LIMITS,
    ).toEqual([{ provider: 'openai', requestsPerMinute: 600 }]);
    expect(() => loadConfig({ GTR_RATE_LIMITS: 'rpm=600' })).toThrow(/GTR_RATE_LIMITS must be JSON/);
    expect(() => loadConfig({ GTR_RATE_LIMITS: '[{"provider":"openai","rpm":600}]' })).toThrow(
      /GTR_RATE_LIMITS/,
    );
  });

  it('redacts sensitive values for logging', () => {
    const redacted = redactConfig(
      loadConfig({ OPENAI_API_KEY: 'sk-secret', DATABASE_URL: 'postgres://u:p@h/db' }),
    );
    expect(redacted.OPENAI_API_KEY).toBe('***');
    expect(redacted.DATABASE_URL).toBe('***');
    expect(redacted.REDIS_URL).toBeUndefined();
    expect(redacted.PORT).toBe(3000);
    expect(JSON.stringify(redacted)).not.toContain('sk-secret');
  });

  it('is documented: .env.example lists every variable', () => {
    const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    for (const name of Object.keys(CONFIG_VARIABLES)) {
      expect(example).toMatch(new RegExp(`^# ${name}=`, 'm'));
    }
  });
});
