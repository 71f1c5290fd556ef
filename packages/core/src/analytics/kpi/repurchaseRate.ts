import { MemberkitError } from '../../errors/memberkitError.ts';
import { orderReader } from '../orderReader.ts';
import type { OrderRecord } from '../orderRecord.ts';
import type { TimeWindow } from '../timeWindow.ts';

/**
 * Repurchase rate (复购率): of the customers who ordered in the window, the
 * share who ordered at least twice in it. Orders on the same calendar day
 * (UTC) by one customer count once, so a split payment is not a repurchase.
 *
 * @example
 * ```ts
 * import { repurchaseRate } from '@memberkit/core';
 * const day = 86_400_000;
 * const orders = [
 *   { customerId: 'a', at: 0, amount: 100 }, { customerId: 'a', at: 3 * day, amount: 100 },
 *   { customerId: 'b', at: 0, amount: 100 }, { customerId: 'b', at: 1000, amount: 100 },
 * ];
 * repurchaseRate(orders);
 * //=> { customers: 2, repeatCustomers: 1, rate: 0.5 }
 * ```
 */
export function repurchaseRate(orders: Iterable<OrderRecord>, window?: TimeWindow): { customers: number; repeatCustomers: number; rate: number } {
  const reader = orderReader(window);
  // first purchase day, or -1 once a second day is seen
  const firstDay = new Map<string, number>();
  let repeat = 0;
  for (const o of orders) {
    const at = reader.read(o);
    if (at === undefined) continue;
    const d = Math.floor(at / 86_400_000);
    const seen = firstDay.get(o.customerId);
    if (seen === undefined) firstDay.set(o.customerId, d);
    else if (seen !== -1 && seen !== d) {
      firstDay.set(o.customerId, -1);
      repeat++;
    }
  }
  if (firstDay.size === 0) throw new MemberkitError('insufficient_data', 'no orders in the window', { field: 'orders' });
  return { customers: firstDay.size, repeatCustomers: repeat, rate: repeat / firstDay.size };
}
