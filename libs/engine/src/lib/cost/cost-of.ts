import { type TokenUsage } from '@gtr/domain';
import { type Provider } from '../provider/provider';
import { DEFAULT_PRICE_TABLE, type PriceTable, priceFor } from './price-table';

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/**
 * What `usage` of `model` costs in US dollars, rounded to 1e-8, or null when the model has no
 * known price (a missing number is better than a wrong one). Cached prompt tokens are billed
 * at the cached-input price.
 */
export function costOf(
  model: string,
  usage: TokenUsage,
  table: PriceTable = DEFAULT_PRICE_TABLE,
): number | null {
  const price = priceFor(model, table);
  if (!price) return null;
  const cached = Math.min(Math.max(usage.cachedTokens, 0), usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  const perMillion =
    uncached * price.input +
    cached * (price.cachedInput ?? price.input) +
    usage.completionTokens * price.output;
  return roundUsd(perMillion / TOKENS_PER_PRICE_UNIT);
}

/** The cost of a call to `provider`: 0 for a free provider (dry-run), else {@link costOf}. */
export function costOfCall(
  provider: Pick<Provider, 'free'>,
  model: string,
  usage: TokenUsage,
  table: PriceTable = DEFAULT_PRICE_TABLE,
): number | null {
  return provider.free ? 0 : costOf(model, usage, table);
}

function roundUsd(usd: number): number {
  return Math.round(usd * 1e8) / 1e8;
}
