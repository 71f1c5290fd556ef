import { describe, expect, it } from 'vitest';
import { LedgerColumns } from './ledgerColumns.ts';

describe('LedgerColumns', () => {
  it.each([4, 13])('keeps every number exactly and every link over many entries (chunks of 2^%i)', (bits) => {
    const columns = new LedgerColumns(bits);
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
});
