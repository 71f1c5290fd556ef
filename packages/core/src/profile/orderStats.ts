import type { StoredEvent } from './profile.ts';

const DAY = 86_400_000;

const NO_ORDERS: OrderStats = Object.freeze({
  currency: null,
  orderCount: 0,
  grossRevenue: 0,
  refundedAmount: 0,
  netRevenue: 0,
  refundCount: 0,
  aov: 0,
  units: 0,
  unitsPerOrder: 0,
  firstOrderAt: null,
  lastOrderAt: null,
  repurchaseIntervalDays: null,
  otherCurrencyOrders: 0,
});

/**
 * Purchase behaviour derived from a profile's events (R-PROF-3). Amounts are
 * integer minor units of `currency`, the currency most of the orders used;
 * orders in other currencies are counted in `otherCurrencyOrders` and left
 * out of the sums rather than mixed.
 *
 * @example
 * ```ts
 * import type { OrderStats } from '@memberkit/core';
 * declare const s: OrderStats;
 * s.aov; // average order value (客单价), minor units
 * ```
 */
export interface OrderStats {
  readonly currency: string | null;
  readonly orderCount: number;
  /** Sum of what was paid, before refunds. */
  readonly grossRevenue: number;
  readonly refundedAmount: number;
  readonly netRevenue: number;
  readonly refundCount: number;
  /** Average order value (客单价): gross revenue / orders, rounded to a minor unit. */
  readonly aov: number;
  readonly units: number;
  /** Units per order (连带率). */
  readonly unitsPerOrder: number;
  readonly firstOrderAt: number | null;
  readonly lastOrderAt: number | null;
  /** Mean days between consecutive orders (复购周期); null with fewer than two orders. */
  readonly repurchaseIntervalDays: number | null;
  readonly otherCurrencyOrders: number;
}

/**
 * Computes {@link OrderStats} from events, oldest first. An order id reported
 * twice (a redelivered webhook with a new event id) counts once; a refund
 * without amount or lines refunds the whole order.
 *
 * @example
 * ```ts
 * import { orderStats } from '@memberkit/core';
 * orderStats([]).orderCount;
 * //=> 0
 * ```
 */
export function orderStats(events: readonly StoredEvent[]): OrderStats {
  // Most profiles never ordered: answer them without building any map.
  let orders = false;
  for (const e of events) {
    if (e.type === 'order_completed' || e.type === 'order_refunded') {
      orders = true;
      break;
    }
  }
  if (!orders) return NO_ORDERS;
  const byCurrency = new Map<string, number>();
  for (const e of events) if (e.type === 'order_completed') byCurrency.set(e.properties.currency, (byCurrency.get(e.properties.currency) ?? 0) + 1);
  let currency: string | null = null;
  let best = 0;
  for (const [c, n] of byCurrency) if (n > best) [currency, best] = [c, n];

  const seen = new Map<string, number>();
  let gross = 0;
  let units = 0;
  let first: number | null = null;
  let last: number | null = null;
  let other = 0;
  for (const e of events) {
    if (e.type !== 'order_completed' || seen.has(e.properties.orderId)) continue;
    if (e.properties.currency !== currency) {
      other++;
      continue;
    }
    seen.set(e.properties.orderId, e.properties.total);
    gross += e.properties.total;
    for (const line of e.properties.products) units += line.quantity;
    first = first === null ? e.timestamp : Math.min(first, e.timestamp);
    last = last === null ? e.timestamp : Math.max(last, e.timestamp);
  }
  let refunded = 0;
  let refundCount = 0;
  const refundIds = new Set<string>();
  for (const e of events) {
    if (e.type !== 'order_refunded' || e.properties.currency !== currency) continue;
    const key = e.properties.refundId ?? e.id;
    if (refundIds.has(key)) continue;
    refundIds.add(key);
    const orderTotal = seen.get(e.properties.orderId) ?? 0;
    const lines = e.properties.products;
    const amount = e.properties.total ?? (lines && lines.length > 0 ? lines.reduce((s, l) => s + (l.amount ?? 0), 0) : orderTotal);
    refunded += Math.min(amount, orderTotal);
    refundCount++;
  }
  const orderCount = seen.size;
  return {
    currency,
    orderCount,
    grossRevenue: gross,
    refundedAmount: refunded,
    netRevenue: gross - refunded,
    refundCount,
    aov: orderCount === 0 ? 0 : Math.round(gross / orderCount),
    units,
    unitsPerOrder: orderCount === 0 ? 0 : units / orderCount,
    firstOrderAt: first,
    lastOrderAt: last,
    repurchaseIntervalDays: orderCount < 2 || first === null || last === null ? null : (last - first) / DAY / (orderCount - 1),
    otherCurrencyOrders: other,
  };
}
