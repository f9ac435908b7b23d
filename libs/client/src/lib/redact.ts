/** `text` with every occurrence of `secret` replaced by `***`. */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('***') : text;
}

/** `url` without user info, so credentials in a base URL never reach a message. */
export function displayUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href.replace(/\/$/, '');
}
