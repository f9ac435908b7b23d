import { templateInput } from './template-input';

describe('templateInput', () => {
  it('nests dotted keys and lets --var win over --input', () => {
    expect(
      templateInput(
        { user: { name: 'Ada', age: 36 }, lang: 'en' },
        { 'user.name': 'Bo', lang: 'fr', 'a.b.c': 'deep' },
      ),
    ).toEqual({ user: { name: 'Bo', age: 36 }, lang: 'fr', a: { b: { c: 'deep' } } });
  });

  it('is empty without flags and never changes the --input object', () => {
    expect(templateInput(undefined, undefined)).toEqual({});
    const input = { user: { name: 'Ada' } };
    templateInput(input, { 'user.name': 'Bo' });
    expect(input).toEqual({ user: { name: 'Ada' } });
  });

  it.each([
    [
      { user: 'Ada' },
      { 'user.name': 'Bo' },
      '--var user.name conflicts with the value already given for user',
    ],
    [{ user: { name: 'Ada' } }, { user: 'Bo' }, '--var user conflicts with the value already given for user'],
    [{ list: ['a'] }, { 'list.0': 'b' }, '--var list.0 conflicts with the value already given for list'],
  ])('refuses to replace a value with an object or the reverse: %j + %j', (input, vars, message) => {
    expect(() => templateInput(input, vars)).toThrow(
      expect.objectContaining({ code: 'E_VALIDATION_TYPE', message }),
    );
  });
});
