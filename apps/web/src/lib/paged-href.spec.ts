import { pagedHref } from './paged-href';

describe('pagedHref', () => {
  it('links to the first page without a cursor', () => {
    expect(pagedHref('/batches')).toBe('/batches');
    expect(pagedHref('/batches', null)).toBe('/batches');
    expect(pagedHref('/batches', '')).toBe('/batches');
  });
  it('encodes the cursor', () => {
    expect(pagedHref('/batches/b1', 'a b/c')).toBe('/batches/b1?cursor=a+b%2Fc');
  });
});
