import { describe, expect, it } from 'vitest';
import { OrderTableBuilder } from '../../csv/orderTable.ts';
import { resolveColumns } from '../../csv/columnMapping.ts';
import { orderBaskets, orderRows, orderRowsByTime } from './tableIterables.ts';

function build(rows: [string, string, string, number, string][]) {
  const b = new OrderTableBuilder();
  for (const [c, o, d, a, p] of rows) b.add(c, o, Date.parse(d), a, p);
  return b.build({ currency: 'CNY', columns: resolveColumns(['customer', 'order', 'date', 'amount', 'product'], {}), rowsRead: rows.length, badRows: [], badRowCount: 0 });
}

describe('table iterables', () => {
  const table = build([
    ['b', 'o1', '2026-01-03', 100, 'milk'],
    ['a', 'o2', '2026-01-01', 200, 'bread'],
    ['b', 'o1', '2026-01-03', 50, 'eggs'], // a later line of o1, not adjacent
    ['a', 'o3', '2026-01-01', 10, 'milk'],
    ['a', 'o3', '2026-01-01', 10, 'milk'], // same product twice: one basket item
  ]);

  it('yields one row per order with summed amounts, in file order', () => {
    expect([...orderRows(table)].map((r) => [r.customerId, r.amount])).toEqual([
      ['b', 150],
      ['a', 200],
      ['a', 20],
    ]);
  });

  it('yields time-ordered rows, keeping file order for equal times', () => {
    expect([...orderRowsByTime(table)].map((r) => [r.customerId, r.at.toISOString().slice(0, 10), r.amount])).toEqual([
      ['a', '2026-01-01', 200],
      ['a', '2026-01-01', 20],
      ['b', '2026-01-03', 150],
    ]);
  });

  it('groups lines into baskets of distinct products even when they are not adjacent', () => {
    expect([...orderBaskets(table)]).toEqual([['milk', 'eggs'], ['bread'], ['milk']]);
  });
});
