import { GtrApiError, GtrNetworkError } from '@gtr/client';
import { describeApiError } from './describe-api-error';

describe('describeApiError', () => {
  it("passes on the API's code and message", () => {
    const error = new GtrApiError(401, 'E_AUTH', 'Invalid API key.', [], 'Check the key.');
    expect(describeApiError(error)).toEqual({ code: 'E_AUTH', message: 'Invalid API key.' });
  });

  it('hides the address of an unreachable API', () => {
    const problem = describeApiError(new GtrNetworkError('http://10.1.2.3:3000', 'connect ECONNREFUSED'));
    expect(problem?.code).toBe('E_NETWORK');
    expect(problem?.message).toBe('The API cannot be reached right now. Try again in a moment.');
    expect(JSON.stringify(problem)).not.toContain('10.1.2.3');
  });

  it('leaves other errors to the error boundary', () => {
    expect(describeApiError(new Error('boom'))).toBeNull();
    expect(describeApiError('boom')).toBeNull();
  });
});
