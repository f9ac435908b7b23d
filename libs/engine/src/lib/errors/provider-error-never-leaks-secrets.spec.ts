import OpenAI from 'openai';
import { classifyError } from './classify-error';
import { ProviderError } from './provider-error';
import { redactSecrets } from './redact-secrets';

describe('provider errors never leak secrets', () => {
  it.each([
    [
      'an OpenAI key',
      'Incorrect API key provided: sk-abc123DEF456ghi789.',
      'Incorrect API key provided: [redacted].',
    ],
    ['a project key', 'key sk-proj-AbC_dEf-123 rejected', 'key [redacted] rejected'],
    [
      'a masked key',
      'Incorrect API key provided: sk-proj-****wxyz',
      'Incorrect API key provided: [redacted]',
    ],
    ['a gtr key', 'caller gtr_live_0123456789abcdef denied', 'caller [redacted] denied'],
    ['a bearer token', 'Authorization: Bearer eyJhbGciOi.payload.sig', 'Authorization: Bearer [redacted]'],
    [
      'an api-key query parameter',
      'GET https://x.openai.azure.com/?api-key=abcdef123456&v=1',
      'GET https://x.openai.azure.com/?api-key=[redacted]&v=1',
    ],
    [
      'ordinary text',
      'the task-runner uses a risk-free desk-top key',
      'the task-runner uses a risk-free desk-top key',
    ],
  ])('redacts %s', (_what, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('redacts given secrets verbatim, whatever their shape', () => {
    expect(redactSecrets('token hunter2hunter2 in text', ['hunter2hunter2'])).toBe(
      'token [redacted] in text',
    );
  });

  it('ignores empty and very short secrets instead of redacting ordinary words', () => {
    expect(redactSecrets('a key is fine', ['', null, undefined, 'key'])).toBe('a key is fine');
  });

  it('redacts in the ProviderError constructor, so the stack is clean too', () => {
    const error = new ProviderError('E_AUTH', 'bad key sk-live-1234567890abcdef');
    expect(error.message).toBe('bad key [redacted]');
    expect(error.stack).not.toContain('1234567890abcdef');
  });

  it('keeps a long provider message to a bounded length', () => {
    expect(new ProviderError('E_SERVER_ERROR', 'x'.repeat(5000)).message.length).toBe(1000);
  });

  it('uses the taxonomy message when none is given', () => {
    expect(new ProviderError('E_TIMEOUT').message).toBe('The provider did not answer in time.');
  });

  it('redacts the configured key from SDK errors, network errors and unknown errors', () => {
    const key = 'custom-gateway-key-42';
    const http = new OpenAI.AuthenticationError(
      401,
      { message: `key ${key} is invalid` },
      undefined,
      new Headers(),
    );
    const network = new OpenAI.APIConnectionError({ message: `cannot reach with ${key}` });
    const unknown = new Error(`failed with ${key}`);
    for (const err of [http, network, unknown]) {
      expect(classifyError(err, { secrets: [key] }).message).not.toContain(key);
    }
  });
});
