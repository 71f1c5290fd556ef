import type { OrderTable } from '../../csv/orderTable.ts';
import type { KpiData } from '../reportData.ts';

/**
 * The header figures straight from the table: customers, orders, revenue,
 * AOV (revenue / orders, rounded to a minor unit), repurchase rate
 * (customers with two or more orders / customers) and, with products,
 * distinct items per order.
 *
 * @example
 * ```ts
 * computeKpis(table).repurchaseRate;
 * //=> 0.4
 * ```
 */
export function computeKpis(table: OrderTable): KpiData {
  const ordersPerCustomer = new Int32Array(table.customers.length);
  let revenue = 0;
  for (let i = 0; i < table.orderCount; i++) {
    ordersPerCustomer[table.orderCustomer[i] as number]!++;
    revenue += table.orderAmount[i] as number;
  }
  let repeaters = 0;
  for (const n of ordersPerCustomer) if (n >= 2) repeaters++;
  const customers = table.customers.length;
  return {
    customers,
    orders: table.orderCount,
    revenue,
    aov: table.orderCount === 0 ? 0 : Math.round(revenue / table.orderCount),
    repurchaseRate: customers === 0 ? 0 : repeaters / customers,
    ...(table.lineCount > 0 ? { unitsPerTransaction: table.lineCount / table.orderCount } : {}),
  };
}
