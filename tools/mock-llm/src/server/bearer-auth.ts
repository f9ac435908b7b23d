import { timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';

/** Whether the request carries `Authorization: Bearer <apiKey>`; always true without a key. */
export function isAuthorized(headers: IncomingHttpHeaders, apiKey: string | null): boolean {
  if (apiKey === null) return true;
  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
