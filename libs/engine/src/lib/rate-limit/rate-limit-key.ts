/**
 * The key whose limits a call counts against: the provider's configured name and the model.
 * Providers enforce limits per organisation and model, and a config name stands for one
 * organisation's key. The name is URI-encoded so that `:` in either part (fine-tuned model ids
 * such as `ft:gpt-4o-mini:acme::abc`) can never make two pairs share a key.
 */
export function rateLimitKey(providerName: string, model: string): string {
  return `${encodeURIComponent(providerName)}:${model}`;
}
