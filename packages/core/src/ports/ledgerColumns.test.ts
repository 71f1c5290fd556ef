import { describe, expect, it } from 'vitest';
import { LedgerColumns } from './ledgerColumns.ts';

describe('LedgerColumns', () => {
  it('keeps every number exactly and every link across many doublings', () => {
    const columns = new LedgerColumns();
    const n = 5_000;
    for (let i = 0; i < n; i++) {
      // Codes up to 2^44 (versions up to 2^40) and timestamps past 2^32 must come back exact.
      const at = columns.append(i % 2 === 0 ? -i : i, 4_102_444_800_000 + i, i, 2 ** 44 - i, `L${i % 7}`, `s${i}`, i % 3 === 0 ? undefined : 'n');
      expect(at).toBe(i);
      if (i > 0) columns.link(i - 1, i);
    }
    expect(columns.size).toBe(n);
    let at = 0;
    for (let i = 0; i < n; i++, at = columns.after(at)) {
      expect([columns.number(at, 0), columns.number(at, 1), columns.number(at, 2), columns.number(at, 3)]).toEqual([i % 2 === 0 ? -i : i, 4_102_444_800_000 + i, i, 2 ** 44 - i]);
      expect([columns.ref(at, 0), columns.ref(at, 1), columns.ref(at, 2)]).toEqual([`L${i % 7}`, `s${i}`, i % 3 === 0 ? undefined : 'n']);
    }
    expect(at).toBe(-1);
  });

  it('starts a sized set of columns with room for that many entries', () => {
    const columns = new LedgerColumns(2);
    columns.append(1, 2, 3, 4, 'L', 's', undefined);
    columns.append(5, 6, 7, 8, 'L', 's', undefined);
    columns.append(9, 10, 11, 12, 'L', 's', 'third');
    expect([columns.size, columns.number(2, 0), columns.ref(2, 2), columns.after(0)]).toEqual([3, 9, 'third', -1]);
  });
});
