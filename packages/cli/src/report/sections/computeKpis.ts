import { repurchaseRate, salesKpis } from '@memberkit/core';
import type { OrderTable } from '../../csv/orderTable.ts';
import type { KpiData } from '../reportData.ts';
import { orderRecords } from './tableIterables.ts';

/**
 * The header figures from `@memberkit/core`'s KPIs: customers, orders,
 * revenue and AOV (客单价) from `salesKpis`, the repurchase rate (复购率:
 * customers buying on two or more days) from `repurchaseRate` and, with
 * product lines, items per order (连带率, lines per order). An empty table
 * gives zeros rather than an error, so the page still explains its bad rows.
 *
 * @example
 * ```ts
 * import { readOrdersCsv } from '@memberkit/cli';
 * import { computeKpis } from './computeKpis.ts';
 * const table = await readOrdersCsv('examples/orders.csv', { currency: 'USD' });
 * computeKpis(table).aov;
 * //=> 3528
 * ```
 */
export function computeKpis(table: OrderTable): KpiData {
  if (table.orderCount === 0) return { customers: 0, orders: 0, revenue: 0, aov: 0, repurchaseRate: 0 };
  const sales = salesKpis(orderRecords(table));
  const repeat = repurchaseRate(orderRecords(table));
  return {
    customers: sales.customers,
    orders: sales.orders,
    revenue: sales.revenue,
    aov: sales.aov,
    repurchaseRate: repeat.rate,
    ...(sales.unitsPerTransaction === undefined ? {} : { unitsPerTransaction: sales.unitsPerTransaction }),
  };
}
