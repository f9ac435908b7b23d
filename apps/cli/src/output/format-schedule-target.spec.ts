import { formatScheduleTarget } from './format-schedule-target';

describe('formatScheduleTarget', () => {
  it.each([
    [{ type: 'task', task: 'greet', input: {} }, 'task greet'],
    [{ type: 'task', task: 'greet', version: 3, input: { name: 'Ada' } }, 'task greet@3 {"name":"Ada"}'],
    [{ type: 'prompt', prompt: 'Say\nhi' }, 'prompt "Say hi"'],
    [
      {
        type: 'prompt',
        messages: [
          { role: 'system', content: 'Be brief' },
          { role: 'user', content: 'hi' },
        ],
      },
      'prompt "Be brief / hi"',
    ],
    [{ type: 'batch', file: 'rows.csv' }, 'batch rows.csv'],
  ] as const)('shows %j as %s', (target, text) => {
    expect(formatScheduleTarget(target as never)).toBe(text);
  });

  it('clips to the width', () => {
    expect(formatScheduleTarget({ type: 'batch', file: 'a'.repeat(50) }, 10)).toBe('batch aaa…');
  });
});
