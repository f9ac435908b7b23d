import { type TokenUsage } from '@gtr/domain';
import { costOf, costOfCall } from './cost-of';
import { DEFAULT_PRICE_TABLE, priceFor } from './price-table';

const usage = (promptTokens: number, completionTokens: number, cachedTokens = 0): TokenUsage => ({
  promptTokens,
  completionTokens,
  totalTokens: promptTokens + completionTokens,
  cachedTokens,
});
const MILLION = usage(1_000_000, 1_000_000);

describe('the cost table prices known models and refuses to guess the rest', () => {
  it.each([
    ['gpt-4o', 2.5, 10],
    ['gpt-4o-mini', 0.15, 0.6],
    ['gpt-4.1', 2, 8],
    ['gpt-4.1-mini', 0.4, 1.6],
    ['gpt-4.1-nano', 0.1, 0.4],
    ['o3', 2, 8],
    ['o4-mini', 1.1, 4.4],
    ['gpt-5', 1.25, 10],
    ['gpt-5-mini', 0.25, 2],
    ['gpt-5-nano', 0.05, 0.4],
    ['gpt-3.5-turbo', 0.5, 1.5],
  ])('%s costs $%d in / $%d out per 1M tokens', (model, input, output) => {
    expect(priceFor(model)).toMatchObject({ input, output });
    expect(costOf(model, MILLION)).toBeCloseTo(input + output, 8);
  });

  it.each([
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-2024-11-20', 'gpt-4o'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4.1-2025-04-14', 'gpt-4.1'],
    ['o3-2025-04-16', 'o3'],
    ['gpt-5-mini-2025-08-07', 'gpt-5-mini'],
  ])('dated snapshot %s is priced as %s', (snapshot, base) => {
    expect(priceFor(snapshot)).toEqual(DEFAULT_PRICE_TABLE[base]);
  });

  it('prices a snapshot with its own entry over its base model', () => {
    expect(priceFor('gpt-4o-2024-05-13')).toMatchObject({ input: 5, output: 15 });
  });

  it.each([
    'gpt-4o-audio-preview',
    'gpt-3.5-turbo-1106',
    'gpt-4',
    'llama3.1:8b',
    'GPT-4O',
    'gpt-4o-mini-tts',
    'toString',
    '__proto__',
    '',
  ])('unknown model %j has no price and no cost', (model) => {
    expect(priceFor(model)).toBeNull();
    expect(costOf(model, usage(10, 10))).toBeNull();
  });

  it('bills cached prompt tokens at the cached-input price', () => {
    // gpt-4o-mini: 600k uncached × 0.15 + 400k cached × 0.075 + 1k out × 0.60, per 1M.
    expect(costOf('gpt-4o-mini', usage(1_000_000, 1_000, 400_000))).toBeCloseTo(0.09 + 0.03 + 0.0006, 10);
  });

  it('bills cached tokens at the input price when the model has no cache discount', () => {
    expect(costOf('gpt-3.5-turbo', usage(1000, 0, 1000))).toBe(costOf('gpt-3.5-turbo', usage(1000, 0)));
  });

  it('never bills more cached tokens than prompt tokens', () => {
    expect(costOf('gpt-4o', usage(100, 0, 500))).toBe((100 * 1.25) / 1e6);
  });

  it('rounds to 1e-8 dollars', () => {
    // 7 gpt-5-nano input tokens cost 3.5e-7 exactly; 1 cached gpt-4.1-nano token costs 2.5e-8, rounded half up.
    expect(costOf('gpt-5-nano', usage(7, 0))).toBe(3.5e-7);
    expect(costOf('gpt-4.1-nano', usage(1, 0, 1))).toBe(3e-8);
    expect(costOf('gpt-4o', usage(0, 0))).toBe(0);
  });

  it('uses an overriding table when given one', () => {
    const table = { 'my-model': { input: 1, cachedInput: null, output: 2 } };
    expect(costOf('my-model', usage(1_000_000, 500_000), table)).toBe(2);
    expect(costOf('gpt-4o', usage(1, 1), table)).toBeNull();
  });

  it('charges nothing for a free provider (dry-run) whatever the model', () => {
    expect(costOfCall({ free: true }, 'gpt-4o', MILLION)).toBe(0);
    expect(costOfCall({ free: true }, 'unknown-model', MILLION)).toBe(0);
    expect(costOfCall({}, 'gpt-4o', MILLION)).toBe(12.5);
    expect(costOfCall({ free: false }, 'unknown-model', MILLION)).toBeNull();
  });
});
