import { describe, expect, it } from 'vitest';
import { OrderTableBuilder } from '../../csv/orderTable.ts';
import { resolveColumns } from '../../csv/columnMapping.ts';
import { cohortSection } from './cohortSection.ts';

describe('cohortSection', () => {
  it('gives one row per first-order month, 100 % in month 0 and empty cells for months not yet seen', () => {
    const b = new OrderTableBuilder();
    const add = (c: string, y: number, m: number) => b.add(c, undefined, Date.UTC(y, m, 10), 100, undefined);
    add('a', 2026, 0);
    add('a', 2026, 1);
    add('b', 2026, 0);
    add('c', 2026, 1);
    add('c', 2026, 2);
    const s = cohortSection(b.build({ currency: 'CNY', columns: resolveColumns(['customer', 'date', 'amount'], {}), rowsRead: 5, badRows: [], badRowCount: 0 }));
    if (!s.ok) throw new Error(s.reason);
    expect(s.data.cohorts).toEqual(['2026-01', '2026-02']);
    expect(s.data.sizes).toEqual([2, 1]);
    expect(s.data.retention[0]?.[0]).toBe(1);
    expect(s.data.retention[0]?.[1]).toBe(0.5);
    expect(s.data.retention[1]?.[1]).toBe(1);
    // Every row as wide as the widest, padded with null (not observed), never a fake 0 %.
    expect(s.data.retention.every((row) => row.length === s.data.retention[0]?.length)).toBe(true);
    expect(s.data.retention[1]?.[s.data.retention[1].length - 1] === null || (s.data.retention[1]?.length ?? 0) <= 2).toBe(true);
  });
});
