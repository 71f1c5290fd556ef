import { currencyGuard, orderTime, type OrderRecord } from './orderRecord.ts';
import { inWindow, type TimeWindow } from './timeWindow.ts';

/**
 * Reads streamed orders one at a time for a KPI: validates each row (naming
 * it on error), keeps one currency, and answers the order's time if it falls
 * in the window, else undefined.
 *
 * @example
 * ```ts
 * import { orderReader } from './orderReader.ts';
 * const reader = orderReader({ from: 0, to: 10 });
 * [reader.read({ customerId: 'a', at: 5, amount: 1, currency: 'CNY' }), reader.read({ customerId: 'a', at: 50, amount: 1 }), reader.currency];
 * //=> [5, undefined, 'CNY']
 * ```
 */
export function orderReader(window?: TimeWindow): { read(order: OrderRecord): number | undefined; readonly currency: string | undefined } {
  const inside = inWindow(window, 'window');
  const check = currencyGuard();
  let row = 0;
  return {
    read(order) {
      const at = orderTime(order, row);
      check(order.currency, row);
      row++;
      return inside(at) ? at : undefined;
    },
    get currency() {
      return check.currency;
    },
  };
}
