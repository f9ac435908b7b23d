import { type TokenUsage } from '@gtr/domain';

/** Token usage from nullable columns: null when the provider reported none. */
export function toTokenUsage(row: {
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  cachedTokens: number | null;
}): TokenUsage | null {
  if (row.promptTokens === null && row.completionTokens === null && row.totalTokens === null) return null;
  const promptTokens = row.promptTokens ?? 0;
  const completionTokens = row.completionTokens ?? 0;
  return {
    promptTokens,
    completionTokens,
    totalTokens: row.totalTokens ?? promptTokens + completionTokens,
    cachedTokens: row.cachedTokens ?? 0,
  };
}
