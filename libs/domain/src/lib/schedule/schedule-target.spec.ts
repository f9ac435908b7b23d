import { scheduleTargetSchema } from './schedule-target';

const taskFile = '8f0c2a52-8a53-4b8e-9d0e-6f6f0c7f4a11';

describe('scheduleTargetSchema: batch targets', () => {
  it('takes a stored task file with batch options', () => {
    const target = { type: 'batch', taskFile, task: 'greet', options: { priority: 5, concurrency: 2 } };
    expect(scheduleTargetSchema.parse(target)).toEqual(target);
  });

  it.each([
    [{ type: 'batch' }, 'taskFile'],
    [{ type: 'batch', taskFile: 'rows.csv' }, 'taskFile'],
    [{ type: 'batch', taskFile, version: 2 }, 'task'],
    [{ type: 'batch', taskFile, options: { priority: 1000 } }, 'options.priority'],
    [{ type: 'batch', taskFile, file: 'rows.csv' }, ''],
  ])('refuses %j naming %s', (target, path) => {
    const result = scheduleTargetSchema.safeParse(target);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
