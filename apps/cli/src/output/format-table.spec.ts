import { formatFields } from './format-fields';
import { formatTable } from './format-table';

describe('formatTable', () => {
  it('aligns columns by their widest cell, without trailing blanks', () => {
    expect(
      formatTable(
        ['ID', 'STATUS', 'NOTE'],
        [
          ['a', 'succeeded', 'x'],
          ['bbbb', 'failed', ''],
        ],
      ),
    ).toBe(['ID    STATUS     NOTE', 'a     succeeded  x', 'bbbb  failed'].join('\n') + '\n');
  });

  it('prints only the header when there are no rows', () => {
    expect(formatTable(['A', 'B'], [])).toBe('A  B\n');
  });
});

describe('formatFields', () => {
  it('aligns the values', () => {
    expect(
      formatFields([
        ['Tenant', 'Acme'],
        ['Key', 'k1'],
        ['Empty', ''],
      ]),
    ).toBe('Tenant  Acme\nKey     k1\nEmpty\n');
  });
});
