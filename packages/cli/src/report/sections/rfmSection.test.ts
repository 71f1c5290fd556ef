import { describe, expect, it } from 'vitest';
import { OrderTableBuilder } from '../../csv/orderTable.ts';
import { resolveColumns } from '../../csv/columnMapping.ts';
import { rfmSection } from './rfmSection.ts';

function table(rows: [string, string, number][]) {
  const b = new OrderTableBuilder();
  for (const [c, d, a] of rows) b.add(c, undefined, Date.parse(d), a, undefined);
  return b.build({ currency: 'CNY', columns: resolveColumns(['customer', 'date', 'amount'], {}), rowsRead: rows.length, badRows: [], badRowCount: 0 });
}

describe('rfmSection', () => {
  const rows: [string, string, number][] = [];
  // 50 customers: customer k buys k % 7 + 1 times, the last time k days before the end.
  for (let k = 0; k < 50; k++) for (let j = 0; j <= k % 7; j++) rows.push([`c${k}`, new Date(Date.UTC(2026, 5, 30) - (k + j * 10) * 864e5).toISOString(), 1000 + k]);
  const t = table(rows);
  const asOf = Date.UTC(2026, 5, 30);
  const s = rfmSection(t, asOf);

  it('puts every customer in exactly one R×F cell and one segment', () => {
    if (!s.ok) throw new Error(s.reason);
    expect(s.data.cells).toHaveLength(25);
    expect(s.data.cells.reduce((n, c) => n + c.customers, 0)).toBe(50);
    expect(s.data.segments.reduce((n, r) => n + r.customers, 0)).toBe(50);
    for (const c of s.data.cells) expect(c.customers === 0 ? c.segment === '' : c.segment !== '').toBe(true);
  });

  it('sums revenue per segment to the table total and averages frequency per customer', () => {
    if (!s.ok) throw new Error(s.reason);
    let total = 0;
    for (const a of t.orderAmount) total += a;
    expect(s.data.segments.reduce((n, r) => n + r.revenue, 0)).toBe(total);
    const orders = s.data.segments.reduce((n, r) => n + r.meanFrequency * r.customers, 0);
    expect(orders).toBeCloseTo(t.orderCount, 9);
  });
});
