import { apiUrlOf, loadConfig } from '@gtr/config';

let cached: string | undefined;

/** Where the dashboard's server reaches the API (GTR_API_URL); read once, never sent to the browser. */
export function apiBaseUrl(): string {
  cached ??= apiUrlOf(loadConfig());
  return cached;
}
