import { loadConfig } from '@gtr/config';
import { createProviderRegistry } from '@gtr/engine';
import { providerConfigsOf } from './runtime';

describe('providerConfigsOf', () => {
  it('always has dry-run, adds openai with a key, and every named OpenAI-compatible server', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-main',
      GTR_DEFAULT_MODEL: 'gpt-4o-mini',
      GTR_PROVIDERS: JSON.stringify([
        {
          name: 'local-vllm',
          kind: 'openai',
          baseURL: 'http://127.0.0.1:8000/v1',
          apiKey: 'k',
          defaultModel: 'llama',
        },
        { name: 'azure', kind: 'openai', baseURL: 'https://example.invalid/openai/v1', apiKey: 'az' },
      ]),
    });
    const configs = providerConfigsOf(config);
    expect(configs.map((c) => [c.name, c.defaultModel])).toEqual([
      ['dry-run', 'gpt-4o-mini'],
      ['openai', 'gpt-4o-mini'],
      ['local-vllm', 'llama'],
      ['azure', 'gpt-4o-mini'],
    ]);
    const registry = createProviderRegistry(configs, 'openai');
    expect(registry.names()).toEqual(['dry-run', 'openai', 'local-vllm', 'azure']);
    expect(JSON.stringify(registry.describe())).not.toMatch(/sk-main|"k"|"az"/);
  });

  it('names the variable when a named provider is malformed, without echoing its key', () => {
    expect(() =>
      loadConfig({ GTR_PROVIDERS: '[{"name":"Bad Name","kind":"openai","apiKey":"sk-secret"}]' }),
    ).toThrow(/GTR_PROVIDERS/);
    expect(() => loadConfig({ GTR_PROVIDERS: 'not json sk-secret' })).toThrow(/GTR_PROVIDERS must be JSON/);
    try {
      loadConfig({ GTR_PROVIDERS: 'not json sk-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-secret');
    }
  });
});
