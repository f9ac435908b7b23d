export const UNKNOWN_PRICE = 'unknown price';

/**
 * A cost in US dollars. LLM calls often cost fractions of a cent, so amounts under a dollar
 * keep up to six decimals (`$0.000123`) instead of rounding to `$0.00`.
 */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd) || usd < 0) return UNKNOWN_PRICE;
  if (usd === 0) return '$0.00';
  if (usd >= 1)
    return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (usd < 0.000_001) return '< $0.000001';
  const [whole, fraction = ''] = usd.toFixed(6).replace(/0+$/, '').split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}`;
}
