/** Prices of one model, in US dollars per 1 million tokens. */
export interface ModelPrice {
  input: number;
  /** Price of prompt tokens served from the prompt cache; null when the model has no cache discount. */
  cachedInput: number | null;
  output: number;
}

/** Model name → price. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * OpenAI standard-tier list prices (USD per 1M tokens). Dated snapshots resolve to their base
 * model unless listed here with a price of their own.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-5-chat-latest': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  // The first gpt-4o snapshot kept its launch price.
  'gpt-4o-2024-05-13': { input: 5, cachedInput: null, output: 15 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  'o3-mini': { input: 1.1, cachedInput: 0.55, output: 4.4 },
  'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
  o1: { input: 15, cachedInput: 7.5, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, cachedInput: null, output: 1.5 },
  'gpt-3.5-turbo-0125': { input: 0.5, cachedInput: null, output: 1.5 },
};

// Only ISO-dated suffixes are stripped: older 4-digit snapshots (gpt-3.5-turbo-1106, -0613)
// were priced differently from today's alias, so they must be listed to have a price at all.
const DATED_SNAPSHOT = /-\d{4}-\d{2}-\d{2}$/;

/**
 * The price of `model`: an exact entry, else the entry of its base name when `model` is a dated
 * snapshot (`gpt-4o-2024-08-06` → `gpt-4o`), else null. Never a guess from a similar name.
 */
export function priceFor(model: string, table: PriceTable = DEFAULT_PRICE_TABLE): ModelPrice | null {
  const own = (name: string) => (Object.prototype.hasOwnProperty.call(table, name) ? table[name] : null);
  return own(model) ?? (DATED_SNAPSHOT.test(model) ? own(model.replace(DATED_SNAPSHOT, '')) : null);
}
