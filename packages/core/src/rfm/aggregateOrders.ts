import { parseIsoTimeString } from './parseIsoTime.ts';
import type { RfmCustomerTotals } from './rfmCustomerTotals.ts';
import { rfmInputError } from './rfmInputError.ts';
import { StringTotalsTable } from './stringTotalsTable.ts';

/**
 * One order as `computeRfm` reads it. `at` is a Date, an ISO 8601 string
 * (date-only or date-time; without an offset it is read as UTC) or epoch
 * milliseconds; `amount` is the order value in minor units (分 / cents),
 * never negative.
 *
 * @example
 * ```ts
 * import type { RfmOrder } from '@memberkit/core';
 * const order: RfmOrder = { customerId: 'c0000123', at: '2026-03-08T14:30:00+08:00', amount: 12_900 };
 * ```
 */
export interface RfmOrder {
  readonly customerId: string;
  readonly at: Date | string | number;
  readonly amount: number;
}

function toMs(at: unknown): number {
  if (typeof at === 'number') return at;
  if (typeof at === 'string') return parseIsoTimeString(at);
  if (at instanceof Date) return at.getTime();
  return NaN;
}

/**
 * Reduces an iterable of orders to per-customer totals in one pass,
 * validating each order with plain comparisons and interning customer ids
 * into a hash table that holds their running totals. Throws `invalid_input` naming
 * `orders.<i>.<field>` for the first bad order. Internal: call `computeRfm`.
 *
 * @example
 * ```ts
 * aggregateOrders([{ customerId: 'a', at: 0, amount: 5 }, { customerId: 'a', at: 9, amount: 7 }], 10).monetary[0];
 * //=> 12
 * ```
 */
export function aggregateOrders(orders: Iterable<RfmOrder>, asOf: number): RfmCustomerTotals {
  const table = new StringTotalsTable();
  let i = 0;
  for (const order of orders) {
    if (typeof order !== 'object' || order === null) throw rfmInputError(['orders', i], 'expected an order object', order);
    const customerId = order.customerId;
    if (typeof customerId !== 'string' || customerId.length === 0) {
      throw rfmInputError(['orders', i, 'customerId'], 'expected a non-empty string', customerId);
    }
    const at = order.at;
    const t = typeof at === 'number' ? at : toMs(at);
    if (!(t <= asOf && t > -Infinity)) {
      throw Number.isNaN(t)
        ? rfmInputError(['orders', i, 'at'], 'expected a Date, an ISO 8601 string or epoch milliseconds', at)
        : rfmInputError(['orders', i, 'at'], 'order is after asOf', at, 'invalid_input', { asOf });
    }
    const amount = order.amount;
    if (!(amount >= 0 && amount < Infinity)) {
      throw rfmInputError(['orders', i, 'amount'], 'expected a non-negative finite number (minor units)', amount);
    }
    table.add(customerId, t, amount);
    i++;
  }
  return table.finish();
}
