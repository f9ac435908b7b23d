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
    [{ type: 'batch', taskFile: '1f0c2a52-8a53-4b8e-9d0e-6f6f0c7f4a11' }, 'batch 1f0c2a52'],
    [
      { type: 'batch', taskFile: '1f0c2a52-8a53-4b8e-9d0e-6f6f0c7f4a11', task: 'greet', version: 2 },
      'batch 1f0c2a52 greet@2',
    ],
  ] as const)('shows %j as %s', (target, text) => {
    expect(formatScheduleTarget(target as never)).toBe(text);
  });

  it('clips to the width', () => {
    expect(formatScheduleTarget({ type: 'batch', taskFile: 'a'.repeat(36), task: 'b'.repeat(40) }, 10)).toBe(
      'batch aaa…',
    );
  });
});
