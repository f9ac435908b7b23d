import { CronExpressionParser } from 'cron-parser';
import { GtrError } from '@gtr/domain';
import { nextFireAfter } from './next-fire-after';
import { previewFires } from './preview-fires';

describe('a cron schedule with no further fire time', () => {
  afterEach(() => jest.restoreAllMocks());

  it('has no next fire time and a short preview', () => {
    let calls = 0;
    const expression = CronExpressionParser.parse('0 0 * * *', {
      currentDate: new Date('2025-01-01T00:00:00Z'),
    });
    jest.spyOn(CronExpressionParser, 'parse').mockReturnValue(
      Object.assign(Object.create(expression) as typeof expression, {
        next: () => {
          if (++calls > 1) throw new Error('Out of the time span range');
          return expression.next();
        },
      }),
    );
    const timing = { cron: '0 0 * * *', intervalMs: null, timezone: 'UTC' };
    expect(previewFires(timing, new Date('2025-01-01T00:00:00Z'), 5).map((d) => d.toISOString())).toEqual([
      '2025-01-02T00:00:00.000Z',
    ]);
    expect(nextFireAfter(timing, new Date('2025-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('an expression the parser refuses', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is reported naming the cron field, with a 6-field example for a 6-field expression', () => {
    jest.spyOn(CronExpressionParser, 'parse').mockImplementation(() => {
      throw new Error('Constraint error');
    });
    try {
      nextFireAfter({ cron: '0 0 0 1 2 1', intervalMs: null, timezone: 'UTC' }, new Date());
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(GtrError);
      expect((error as GtrError).issues[0]).toEqual({
        field: 'cron',
        message: 'invalid expression "0 0 0 1 2 1" (Constraint error); example: "*/30 * * * * *"',
      });
    }
  });
});
