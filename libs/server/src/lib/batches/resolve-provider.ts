import { GtrError } from '@gtr/domain';
import { type ProviderRegistry } from '@gtr/engine';

/**
 * The provider a run or task uses: `name`, or the default one when it names none.
 * @throws GtrError `E_VALIDATION` naming `field` when the provider is not configured.
 */
export function resolveProvider(
  providers: ProviderRegistry,
  name: string | null | undefined,
  field: string,
): string {
  const provider = name ?? providers.defaultProvider;
  if (!providers.has(provider)) {
    const message = `uses provider "${provider}", which is not configured; known: ${providers.names().join(', ')}`;
    throw new GtrError('E_VALIDATION', `Unknown provider "${provider}".`, [{ field, message }]);
  }
  return provider;
}
