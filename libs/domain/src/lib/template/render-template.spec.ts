import { GtrError } from '../gtr-error';
import { renderMessages, renderTemplate } from './render-template';

function errorOf(fn: () => unknown): GtrError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GtrError) return error;
    throw error;
  }
  throw new Error('expected a GtrError');
}

describe('renderTemplate', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['a plain variable', 'Hello {{name}}!', { name: 'Ada' }, 'Hello Ada!'],
    ['spaces inside the braces', 'Hello {{ name }} and {{  name\t}}', { name: 'Ada' }, 'Hello Ada and Ada'],
    [
      'a dotted path',
      '{{user.name}} ({{ user.address.city }})',
      { user: { name: 'Ada', address: { city: 'London' } } },
      'Ada (London)',
    ],
    ['an array index', 'first: {{items.0}}', { items: ['a', 'b'] }, 'first: a'],
    ['a number', 'n={{n}}', { n: 42 }, 'n=42'],
    ['zero and false', '{{z}} {{f}}', { z: 0, f: false }, '0 false'],
    ['null', 'v={{v}}', { v: null }, 'v=null'],
    [
      'an object as JSON',
      'u={{user}}',
      { user: { name: 'Ada', tags: ['x'] } },
      'u={"name":"Ada","tags":["x"]}',
    ],
    ['an array as JSON', '{{list}}', { list: [1, 'two'] }, '[1,"two"]'],
    ['an empty string', '[{{s}}]', { s: '' }, '[]'],
    ['no HTML escaping', '{{html}}', { html: '<b>&"</b>' }, '<b>&"</b>'],
    ['a value that looks like a placeholder, inserted as is', '{{a}}', { a: '{{b}}' }, '{{b}}'],
    ['an escaped opening', 'literal \\{{name}}', { name: 'Ada' }, 'literal {{name}}'],
    ['an escaped backslash before a variable', 'path C:\\\\{{dir}}', { dir: 'tmp' }, 'path C:\\tmp'],
    ['three backslashes: one literal, then an escaped opening', '\\\\\\{{x}}', {}, '\\{{x}}'],
    ['a backslash elsewhere, kept', 'a\\b \\n {{x}}', { x: 1 }, 'a\\b \\n 1'],
    ['a lone closing brace pair', 'x }} y', {}, 'x }} y'],
    ['a single brace', '{ {name} }', {}, '{ {name} }'],
    ['the same variable twice', '{{a}}{{a}}', { a: 'x' }, 'xx'],
    ['hyphens and underscores in names', '{{first-name}} {{_id}}', { 'first-name': 'Ada', _id: 7 }, 'Ada 7'],
    ['no placeholders', 'Just text.', {}, 'Just text.'],
  ])('renders %s', (_what, template, input, expected) => {
    expect(renderTemplate(template, input)).toBe(expected);
  });

  it.each<[string, string, Record<string, unknown>, string[]]>([
    ['an absent variable', 'Hi {{name}}', {}, ['input.name']],
    ['each absent variable once, in order', '{{b}} {{a}} {{b}}', {}, ['input.b', 'input.a']],
    ['a path through a missing object', '{{user.name}}', {}, ['input.user.name']],
    ['a path through a string', '{{user.name}}', { user: 'Ada' }, ['input.user.name']],
    ['a path through null', '{{user.name}}', { user: null }, ['input.user.name']],
    ['an absent nested key', '{{user.age}}', { user: { name: 'Ada' } }, ['input.user.age']],
    ['an undefined value', '{{v}}', { v: undefined }, ['input.v']],
    ['an index past the end', '{{items.2}}', { items: ['a'] }, ['input.items.2']],
  ])('rejects %s with E_INPUT naming it', (_what, template, input, fields) => {
    const error = errorOf(() => renderTemplate(template, input));
    expect(error.code).toBe('E_INPUT');
    expect(error.issues.map((issue) => issue.field)).toEqual(fields);
  });

  it('says which variables are missing in the message and each issue', () => {
    const error = errorOf(() => renderTemplate('{{a}} {{b.c}}', {}));
    expect(error.message).toBe('Missing input variables: a, b.c');
    expect(error.issues).toEqual([
      { field: 'input.a', message: 'is missing; the template uses {{a}}' },
      { field: 'input.b.c', message: 'is missing; the template uses {{b.c}}' },
    ]);
    expect(errorOf(() => renderTemplate('{{a}}', {})).message).toBe('Missing input variable: a');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'never reads %s from a prototype',
    (name) => {
      expect(errorOf(() => renderTemplate(`{{${name}}}`, {})).issues[0].field).toBe(`input.${name}`);
      expect(errorOf(() => renderTemplate(`{{user.${name}}}`, { user: {} })).code).toBe('E_INPUT');
    },
  );

  it('reads an own __proto__ key as data, like any other key', () => {
    expect(renderTemplate('{{x.__proto__}}', JSON.parse('{"x":{"__proto__":"own"}}'))).toBe('own');
  });

  it('never runs a getter: an accessor property counts as missing', () => {
    const getter = jest.fn(() => 'secret');
    const input = Object.defineProperty({}, 'name', { get: getter, enumerable: true });
    expect(errorOf(() => renderTemplate('{{name}}', input)).code).toBe('E_INPUT');
    expect(getter).not.toHaveBeenCalled();
  });

  it('turns values JSON cannot hold into text rather than failing', () => {
    expect(renderTemplate('{{big}} {{sym}}', { big: BigInt(10), sym: Symbol('s') })).toBe('10 Symbol(s)');
  });

  it('rejects a template that does not parse with E_VALIDATION', () => {
    expect(errorOf(() => renderTemplate('Hi {{name', { name: 'x' })).code).toBe('E_VALIDATION');
  });
});

describe('renderMessages', () => {
  const template = [
    { role: 'system' as const, content: 'You answer in {{lang}}.' },
    { role: 'user' as const, content: 'Summarise: {{doc.text}}' },
  ];

  it('renders every message and keeps the roles', () => {
    expect(renderMessages(template, { lang: 'French', doc: { text: 'Hello' } })).toEqual([
      { role: 'system', content: 'You answer in French.' },
      { role: 'user', content: 'Summarise: Hello' },
    ]);
  });

  it('reports the missing variables of all messages in one error', () => {
    const error = errorOf(() => renderMessages(template, {}));
    expect(error.issues.map((i) => i.field)).toEqual(['input.lang', 'input.doc.text']);
  });

  it('does not change the template it was given', () => {
    const copy = structuredClone(template);
    renderMessages(template, { lang: 'x', doc: { text: 'y' } });
    expect(template).toEqual(copy);
  });
});
