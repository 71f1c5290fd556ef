import type { OrderTable } from '../../csv/orderTable.ts';

/**
 * One order as the core analytics take it: `{ customerId, at, amount }`, amount in minor units.
 *
 * @example
 * ```ts
 * import type { OrderRow } from './tableIterables.ts';
 * const row: OrderRow = { customerId: 'C0001', at: new Date('1997-01-01T00:00:00Z'), amount: 2933 };
 * ```
 */
export interface OrderRow {
  readonly customerId: string;
  readonly at: Date;
  readonly amount: number;
}

/**
 * The table's orders as a lazy iterable of `{ customerId, at, amount }`, so
 * the core's streaming analytics read the columns without a second copy of
 * the history as objects.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { orderRows } from './tableIterables.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * [...orderRows(table)][0];
 * //=> { customerId: 'C0001', at: new Date('1997-01-01T00:00:00Z'), amount: 2933 }
 * ```
 */
export function orderRows(table: OrderTable): Iterable<OrderRow> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < table.orderCount; i++) {
        yield { customerId: table.customers[table.orderCustomer[i] as number] as string, at: new Date(table.orderTime[i] as number), amount: table.orderAmount[i] as number };
      }
    },
  };
}

/**
 * The table's baskets: the distinct product names of each order that has
 * line items, in order of first appearance.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { orderBaskets } from './tableIterables.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * [...orderBaskets(table)][0];
 * //=> ['classical', 'rock']
 * ```
 */
export function orderBaskets(table: OrderTable): Iterable<string[]> {
  return {
    *[Symbol.iterator]() {
      // Group line indexes by order with a counting sort: lines of one order need not be adjacent in the file.
      const start = new Int32Array(table.orderCount + 1);
      for (let l = 0; l < table.lineCount; l++) start[(table.lineOrder[l] as number) + 1]!++;
      for (let o = 0; o < table.orderCount; o++) start[o + 1]! += start[o]!;
      const fill = start.slice(0, table.orderCount);
      const byOrder = new Int32Array(table.lineCount);
      for (let l = 0; l < table.lineCount; l++) byOrder[fill[table.lineOrder[l] as number]!++] = table.lineProduct[l] as number;
      for (let o = 0; o < table.orderCount; o++) {
        const from = start[o] as number;
        const to = start[o + 1] as number;
        if (from === to) continue;
        const items = new Set<string>();
        for (let k = from; k < to; k++) items.add(table.products[byOrder[k] as number] as string);
        yield [...items];
      }
    },
  };
}

/**
 * The orders as {@link orderRows} yields them, but in time order (stable, so
 * same-time orders keep file order): the BTYD summaries need each
 * customer's history in time order and exports are not always sorted.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { orderRowsByTime } from './tableIterables.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * [...orderRowsByTime(table)].map((o) => o.at.getTime()).every((t, i, a) => i === 0 || a[i - 1] <= t);
 * //=> true
 * ```
 */
export function orderRowsByTime(table: OrderTable): Iterable<OrderRow> {
  const order = new Uint32Array(table.orderCount);
  let sorted = true;
  for (let i = 0; i < table.orderCount; i++) {
    order[i] = i;
    if (i > 0 && (table.orderTime[i] as number) < (table.orderTime[i - 1] as number)) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (table.orderTime[a] as number) - (table.orderTime[b] as number) || a - b);
  return {
    *[Symbol.iterator]() {
      for (const i of order) {
        yield { customerId: table.customers[table.orderCustomer[i] as number] as string, at: new Date(table.orderTime[i] as number), amount: table.orderAmount[i] as number };
      }
    },
  };
}

/**
 * The orders as the core KPI functions take them (`OrderRecord`): time in
 * epoch ms and, when the file has product lines, `units` = the order's line
 * count (the file has no quantity column, so a line counts as one unit).
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { orderRecords } from './tableIterables.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * [...orderRecords(table)][0];
 * //=> { customerId: 'C0001', at: 852076800000, amount: 2933, units: 2 }
 * ```
 */
export function orderRecords(table: OrderTable): Iterable<{ customerId: string; at: number; amount: number; units?: number }> {
  const lines = new Int32Array(table.orderCount);
  for (let l = 0; l < table.lineCount; l++) lines[table.lineOrder[l] as number]!++;
  const withUnits = table.lineCount > 0;
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < table.orderCount; i++) {
        const customerId = table.customers[table.orderCustomer[i] as number] as string;
        const at = table.orderTime[i] as number;
        const amount = table.orderAmount[i] as number;
        yield withUnits && (lines[i] as number) > 0 ? { customerId, at, amount, units: lines[i] as number } : { customerId, at, amount };
      }
    },
  };
}
