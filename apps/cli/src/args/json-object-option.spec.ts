import { jsonObjectOption } from './json-object-option';

describe('jsonObjectOption', () => {
  const metadata = jsonObjectOption('--metadata');

  it('parses a JSON object', () => {
    expect(metadata('{"team":"search","n":1}')).toEqual({ team: 'search', n: 1 });
  });

  it.each(['{team:1}', '[1]', '"x"', '3', 'null', ''])('rejects %j with E_VALIDATION_TYPE', (text) => {
    expect(() => metadata(text)).toThrow(
      expect.objectContaining({
        code: 'E_VALIDATION_TYPE',
        message: expect.stringMatching(/^--metadata must be a JSON object/),
      }),
    );
  });
});
