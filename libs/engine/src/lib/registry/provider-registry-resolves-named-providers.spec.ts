import { GtrError } from '@gtr/domain';
import { type Provider } from '../provider/provider';
import { DryRunProvider } from '../providers/dry-run-provider';
import { OpenAIProvider } from '../providers/openai-provider';
import { createProviderRegistry, type ProviderConfig } from './provider-registry';

const configs: ProviderConfig[] = [
  { name: 'openai', kind: 'openai', apiKey: 'sk-live-abcdef123456', defaultModel: 'gpt-4o-mini' },
  {
    name: 'local',
    kind: 'openai',
    apiKey: 'ollama-key',
    baseURL: 'http://user:pass@127.0.0.1:11434/v1?api-key=secret123',
    defaultModel: 'llama3.1',
  },
  { name: 'dry-run', kind: 'dry-run', defaultModel: 'gpt-4o-mini' },
];

const thrown = (fn: () => unknown): GtrError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GtrError);
    return e as GtrError;
  }
  throw new Error('expected a GtrError');
};

describe('the provider registry resolves named providers', () => {
  it('builds each provider by kind, once, and resolves the default when no name is given', () => {
    const registry = createProviderRegistry(configs, 'dry-run');
    expect(registry.get('openai')).toBeInstanceOf(OpenAIProvider);
    expect(registry.get('openai')).toBe(registry.get('openai'));
    expect(registry.get('local').name).toBe('local');
    expect(registry.get()).toBeInstanceOf(DryRunProvider);
    expect(registry.get().name).toBe('dry-run');
    expect(registry.defaultProvider).toBe('dry-run');
    expect(registry.names()).toEqual(['openai', 'local', 'dry-run']);
    expect(registry.has('local')).toBe(true);
    expect(registry.has('azure')).toBe(false);
  });

  it('names the unknown provider and lists the known ones', () => {
    const error = thrown(() => createProviderRegistry(configs, 'openai').get('azure'));
    expect(error.code).toBe('E_CONFIG_PROVIDER');
    expect(error.message).toBe('Unknown provider "azure"; known providers: "openai", "local", "dry-run".');
  });

  it.each<[string, ProviderConfig[], string, string, RegExp]>([
    ['an unknown default', configs, 'azure', 'E_CONFIG_PROVIDER', /"azure".*"openai", "local", "dry-run"/],
    ['no providers at all', [], 'dry-run', 'E_CONFIG_PROVIDER', /known providers: \(none\)/],
    [
      'a duplicate name',
      [configs[2], { ...configs[2] }],
      'dry-run',
      'E_CONFIG',
      /"dry-run" is configured twice/,
    ],
    [
      'an openai provider without a key',
      [{ name: 'openai', kind: 'openai', defaultModel: 'gpt-4o' }],
      'openai',
      'E_CONFIG_PROVIDER',
      /"openai" \(openai\) has no API key/,
    ],
    [
      'an unknown kind',
      [{ name: 'x', kind: 'anthropic' as 'openai', defaultModel: 'm' }],
      'x',
      'E_CONFIG_PROVIDER',
      /unknown kind "anthropic"/,
    ],
  ])('refuses %s', (_scenario, list, defaultName, code, message) => {
    const error = thrown(() => createProviderRegistry(list, defaultName));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('describes every provider without keys or URL credentials', () => {
    const registry = createProviderRegistry(configs, 'openai');
    expect(registry.describe()).toEqual([
      {
        name: 'openai',
        kind: 'openai',
        baseURL: null,
        defaultModel: 'gpt-4o-mini',
        hasApiKey: true,
        isDefault: true,
      },
      {
        name: 'local',
        kind: 'openai',
        baseURL: 'http://127.0.0.1:11434/v1',
        defaultModel: 'llama3.1',
        hasApiKey: true,
        isDefault: false,
      },
      {
        name: 'dry-run',
        kind: 'dry-run',
        baseURL: null,
        defaultModel: 'gpt-4o-mini',
        hasApiKey: false,
        isDefault: false,
      },
    ]);
    expect(registry.describeOne()).toMatchObject({ name: 'openai' });
    const json = JSON.stringify(registry);
    expect(JSON.parse(json)).toEqual({ defaultProvider: 'openai', providers: registry.describe() });
    for (const secret of ['sk-live', 'ollama-key', 'pass', 'secret123']) expect(json).not.toContain(secret);
  });

  it('hides a base URL it cannot parse', () => {
    const registry = createProviderRegistry(
      [{ name: 'bad', kind: 'dry-run', baseURL: 'not a url', defaultModel: 'm' }],
      'bad',
    );
    expect(registry.describeOne('bad').baseURL).toBe('(invalid URL)');
  });

  it('builds a kind with a replacement factory when given one', () => {
    const fake: Provider = { name: 'fake', complete: jest.fn() };
    const factory = jest.fn(() => fake);
    const registry = createProviderRegistry(configs, 'openai', { factories: { openai: factory } });
    expect(registry.get('local')).toBe(fake);
    expect(factory).toHaveBeenCalledWith(configs[1]);
    expect(registry.get('dry-run')).toBeInstanceOf(DryRunProvider);
  });

  it('is not affected by later changes to the configs it was given', () => {
    const list: ProviderConfig[] = [{ name: 'dry-run', kind: 'dry-run', defaultModel: 'a' }];
    const registry = createProviderRegistry(list, 'dry-run');
    list[0].defaultModel = 'b';
    expect(registry.describeOne().defaultModel).toBe('a');
  });
});
