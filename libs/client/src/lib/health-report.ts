/** `GET /health/ready`: whether the API and its dependencies answer. */
export interface HealthReport {
  status: 'ok' | 'error';
  /** Per dependency: `database`, `redis` → `ok`, `error` or `embedded`. */
  checks: Record<string, string>;
}
