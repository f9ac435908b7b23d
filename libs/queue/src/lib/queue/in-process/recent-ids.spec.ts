import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('keeps the most recent ids up to its limit', () => {
    const ids = new RecentIds(2);
    ids.add('a');
    ids.add('b');
    ids.add('a');
    ids.add('c');
    expect(ids.size).toBe(2);
    ids.delete('a');
    ids.delete('b');
    expect(ids.size).toBe(1);
  });
});
