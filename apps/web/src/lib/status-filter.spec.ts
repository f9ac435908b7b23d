import { parseStatusFilter, runsHref, STATUS_FILTERS, statusesOf } from './status-filter';

describe('status filter', () => {
  it('offers the tabs in display order', () => {
    expect(STATUS_FILTERS).toEqual(['all', 'queued', 'running', 'succeeded', 'failed', 'cancelled']);
  });

  it.each([
    ['failed', 'failed'],
    [['running', 'failed'], 'running'],
    ['bogus', 'all'],
    ['', 'all'],
    [undefined, 'all'],
    [[], 'all'],
  ])('parses %p as %p', (value, expected) => {
    expect(parseStatusFilter(value)).toBe(expected);
  });

  it('maps tabs to the API statuses they group', () => {
    expect(statusesOf('all')).toBeUndefined();
    expect(statusesOf('queued')).toEqual(['queued', 'scheduled', 'waiting']);
    expect(statusesOf('running')).toEqual(['running', 'retrying']);
    expect(statusesOf('succeeded')).toEqual(['succeeded']);
    expect(statusesOf('failed')).toEqual(['failed']);
    expect(statusesOf('cancelled')).toEqual(['cancelled']);
  });

  it('builds links that keep the filter and cursor', () => {
    expect(runsHref('all')).toBe('/runs');
    expect(runsHref('failed')).toBe('/runs?status=failed');
    expect(runsHref('all', 'c1')).toBe('/runs?cursor=c1');
    expect(runsHref('running', 'a b/c')).toBe('/runs?status=running&cursor=a+b%2Fc');
    expect(runsHref('queued', null)).toBe('/runs?status=queued');
  });
});
