import { GtrError } from '@gtr/domain';
import { type Provider } from '../provider/provider';
import { DryRunProvider } from '../providers/dry-run-provider';
import { OpenAIProvider } from '../providers/openai-provider';

/** The kinds of provider gtr can build from configuration. */
export type ProviderKind = 'openai' | 'dry-run';

/** One named provider, as configuration declares it. */
export interface ProviderConfig {
  name: string;
  kind: ProviderKind;
  /** OpenAI-compatible endpoint (kind `openai`); defaults to the public OpenAI API. */
  baseURL?: string;
  /** Required for kind `openai`. Never shown by `describe()` / `toJSON()`. */
  apiKey?: string;
  /** The model a run uses when it names none. */
  defaultModel: string;
}

/** A provider config as it may be shown: no key, credentials stripped from the base URL. */
export interface ProviderDescription {
  name: string;
  kind: ProviderKind;
  baseURL: string | null;
  defaultModel: string;
  hasApiKey: boolean;
  isDefault: boolean;
}

/** Builds a provider of one kind from its config. */
export type ProviderFactory = (config: ProviderConfig) => Provider;

/** Resolves provider names to provider instances. */
export interface ProviderRegistry {
  readonly defaultProvider: string;
  /** The provider named `name`, or the default one; throws `GtrError('E_CONFIG_PROVIDER')` for an unknown name. */
  get(name?: string): Provider;
  /** The config of provider `name` (or the default one), without its key. */
  describeOne(name?: string): ProviderDescription;
  has(name: string): boolean;
  names(): string[];
  /** Every configured provider, without keys. */
  describe(): ProviderDescription[];
  toJSON(): { defaultProvider: string; providers: ProviderDescription[] };
}

/** Options of {@link createProviderRegistry}. */
export interface ProviderRegistryOptions {
  /** Replaces how a kind is built (tests, custom transports). */
  factories?: Partial<Record<ProviderKind, ProviderFactory>>;
}

const DEFAULT_FACTORIES: Record<ProviderKind, ProviderFactory> = {
  openai: (c) => new OpenAIProvider({ name: c.name, apiKey: c.apiKey ?? '', baseURL: c.baseURL }),
  'dry-run': (c) => new DryRunProvider({ name: c.name }),
};

/**
 * Checks the configs and returns a registry that builds each provider on first use.
 * Throws `GtrError('E_CONFIG')` for a duplicate name and `GtrError('E_CONFIG_PROVIDER')`
 * for an unknown default, an unknown kind or an `openai` provider without an API key.
 */
export function createProviderRegistry(
  configs: readonly ProviderConfig[],
  defaultProvider: string,
  options: ProviderRegistryOptions = {},
): ProviderRegistry {
  const byName = new Map<string, ProviderConfig>();
  for (const config of configs) {
    if (byName.has(config.name)) {
      throw new GtrError('E_CONFIG', `Provider "${config.name}" is configured twice.`, [
        { field: 'providers', message: `duplicate name "${config.name}"` },
      ]);
    }
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_FACTORIES, config.kind)) {
      throw new GtrError(
        'E_CONFIG_PROVIDER',
        `Provider "${config.name}" has unknown kind "${String(config.kind)}"; use openai or dry-run.`,
      );
    }
    if (config.kind === 'openai' && !config.apiKey) {
      throw new GtrError(
        'E_CONFIG_PROVIDER',
        `Provider "${config.name}" (openai) has no API key; set OPENAI_API_KEY or use the dry-run provider.`,
      );
    }
    byName.set(config.name, { ...config });
  }
  const known = () => [...byName.keys()].map((n) => `"${n}"`).join(', ') || '(none)';
  const configOf = (name: string): ProviderConfig => {
    const config = byName.get(name);
    if (!config)
      throw new GtrError('E_CONFIG_PROVIDER', `Unknown provider "${name}"; known providers: ${known()}.`);
    return config;
  };
  configOf(defaultProvider);

  const factories = { ...DEFAULT_FACTORIES, ...options.factories };
  const instances = new Map<string, Provider>();
  const describeOne = (name: string = defaultProvider): ProviderDescription => {
    const c = configOf(name);
    return {
      name: c.name,
      kind: c.kind,
      baseURL: c.baseURL ? withoutCredentials(c.baseURL) : null,
      defaultModel: c.defaultModel,
      hasApiKey: Boolean(c.apiKey),
      isDefault: c.name === defaultProvider,
    };
  };

  return {
    defaultProvider,
    get(name = defaultProvider) {
      const config = configOf(name);
      let provider = instances.get(name);
      if (!provider) {
        provider = factories[config.kind](config);
        instances.set(name, provider);
      }
      return provider;
    },
    describeOne,
    has: (name) => byName.has(name),
    names: () => [...byName.keys()],
    describe: () => [...byName.keys()].map((name) => describeOne(name)),
    toJSON() {
      return { defaultProvider, providers: this.describe() };
    },
  };
}

/** `https://user:pass@host/v1` → `https://host/v1`; anything unparsable is hidden. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
