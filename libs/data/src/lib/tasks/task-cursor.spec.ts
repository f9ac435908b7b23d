import { taskCursor } from './task-cursor';

describe('taskCursor', () => {
  it('round-trips a name and a version', () => {
    expect(taskCursor.decodeName(taskCursor.encodeName('summarise.v2'))).toBe('summarise.v2');
    expect(taskCursor.decodeVersion(taskCursor.encodeVersion(7))).toBe(7);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['a version where a name belongs', taskCursor.encodeVersion(3)],
    ['a name that is not a task name', Buffer.from(JSON.stringify(['Bad Name'])).toString('base64url')],
    ['two values', Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url')],
  ])('rejects %s as a name cursor, naming cursor', (_what, text) => {
    expect(() => taskCursor.decodeName(text)).toThrow(
      expect.objectContaining({
        code: 'E_VALIDATION',
        issues: [expect.objectContaining({ field: 'cursor' })],
      }),
    );
  });

  it.each([
    ['a name where a version belongs', taskCursor.encodeName('a')],
    ['version 1 (nothing comes before it)', taskCursor.encodeVersion(1)],
    ['a fraction', Buffer.from(JSON.stringify([2.5])).toString('base64url')],
  ])('rejects %s as a version cursor', (_what, text) => {
    expect(() => taskCursor.decodeVersion(text)).toThrow(/cursor is not a cursor from a previous page/);
  });
});
