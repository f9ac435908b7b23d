import { randomBytes } from 'node:crypto';

/** A completion id such as `chatcmpl-AbC…` (29 URL-safe characters, as OpenAI's). */
export function completionId(): string {
  return `chatcmpl-${randomBytes(22).toString('base64url').slice(0, 29)}`;
}

/** A request id such as `req_0f3a…` for the `x-request-id` header. */
export function requestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}
