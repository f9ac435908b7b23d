const REDACTED = '[redacted]';

// Shapes of credentials that may show up in a provider's message or a URL: OpenAI keys
// (`sk-…`, `sk-proj-…`), gtr API keys (`gtr_…`), bearer tokens and `api-key=` query parameters.
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bBearer\s+[A-Za-z0-9._~+/=*-]+/gi, `Bearer ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_*-]{3,}/g, REDACTED],
  [/\bgtr_[A-Za-z0-9_*-]{3,}/g, REDACTED],
  [/\b(api[_-]?key["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi, `$1${REDACTED}`],
];

/**
 * Removes credentials from `text`: each of `secrets` verbatim (values shorter than 6 characters
 * are ignored, they would redact ordinary words), then anything shaped like an API key or a
 * bearer token.
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
