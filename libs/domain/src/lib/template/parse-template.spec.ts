import { GtrError } from '../gtr-error';
import { parseTemplate, templateSyntaxProblem } from './parse-template';
import { variablesOf } from './variables-of';

describe('parseTemplate', () => {
  it('splits text and variables', () => {
    expect(parseTemplate('Hi {{ user.name }}, see {{x}}.')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'variable', name: 'user.name', path: ['user', 'name'] },
      { kind: 'text', text: ', see ' },
      { kind: 'variable', name: 'x', path: ['x'] },
      { kind: 'text', text: '.' },
    ]);
    expect(parseTemplate('')).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['an unclosed opening', 'Hi {{name', /unclosed \{\{ at character 4; write \\\{\{ for a literal \{\{/],
    ['an empty placeholder', 'a {{ }} b', /empty \{\{ \}\} at character 3/],
    ['a name with spaces', '{{first name}}', /invalid variable name "first name"/],
    ['a name starting with a digit', '{{1st}}', /invalid variable name "1st"/],
    ['an expression', '{{ a + b }}', /invalid variable name "a \+ b"/],
    ['a call', '{{ process.exit() }}', /invalid variable name/],
    ['triple braces', '{{{name}}}', /invalid variable name "\{name"/],
    ['a trailing dot', '{{user.}}', /invalid variable name "user\."/],
    ['an opening inside a placeholder', '{{ a {{ b }}', /invalid variable name "a \{\{ b"/],
  ])('rejects %s, saying where', (_what, template, problem) => {
    let error: unknown;
    try {
      parseTemplate(template);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GtrError);
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      issues: [{ field: 'template', message: expect.stringMatching(problem) }],
    });
    expect(templateSyntaxProblem(template)).toMatch(problem);
  });

  it('finds no problem in a valid template', () => {
    expect(templateSyntaxProblem('Hello {{name}} \\{{ not a var')).toBeNull();
  });
});

describe('variablesOf', () => {
  it('lists each variable once, in order of first use', () => {
    expect(variablesOf('{{b}} {{ a.x }} {{b}} \\{{c}}')).toEqual(['b', 'a.x']);
  });

  it('lists the variables of every message', () => {
    expect(
      variablesOf([
        { role: 'system', content: 'Answer in {{lang}}.' },
        { role: 'user', content: '{{question}} ({{lang}})' },
      ]),
    ).toEqual(['lang', 'question']);
  });

  it('is empty for text without placeholders', () => {
    expect(variablesOf('plain')).toEqual([]);
  });
});
