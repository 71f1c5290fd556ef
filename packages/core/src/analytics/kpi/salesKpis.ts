import { MemberkitError } from '../../errors/memberkitError.ts';
import { orderReader } from '../orderReader.ts';
import type { OrderRecord } from '../orderRecord.ts';
import type { TimeWindow } from '../timeWindow.ts';

/**
 * One channel's part of sales.
 *
 * @example
 * ```ts
 * import type { ChannelShare } from '@memberkit/core';
 * const c: ChannelShare = { channel: 'store', orders: 10, revenue: 50000, share: 0.5 };
 * ```
 */
export interface ChannelShare {
  readonly channel: string;
  readonly orders: number;
  /** Minor units. */
  readonly revenue: number;
  /** Share of revenue, 0..1. */
  readonly share: number;
}

/**
 * The sales KPIs of one pass over orders (R-ANA-1).
 *
 * @example
 * ```ts
 * import type { SalesKpis } from '@memberkit/core';
 * const k: SalesKpis = { currency: 'CNY', orders: 2, customers: 1, revenue: 3000, aov: 1500, unitsPerTransaction: 2.5, channels: [], couponOrderShare: 0.5 };
 * ```
 */
export interface SalesKpis {
  readonly currency: string | undefined;
  readonly orders: number;
  readonly customers: number;
  /** Total net revenue, minor units. */
  readonly revenue: number;
  /** Average order value (客单价), minor units rounded to the nearest unit. */
  readonly aov: number;
  /** Units per transaction (连带率) over the orders that report units; undefined if none do. */
  readonly unitsPerTransaction: number | undefined;
  /** Channel sales shares, by revenue descending; orders without a channel count as 'unknown'. */
  readonly channels: readonly ChannelShare[];
  /** Share of orders that redeemed at least one coupon. */
  readonly couponOrderShare: number;
}

/**
 * Revenue, order and customer counts, AOV (客单价), units per transaction
 * (连带率), channel sales share and the share of orders using a coupon, in
 * one streaming pass. Memory: one entry per customer and per channel.
 *
 * @example
 * ```ts
 * import { salesKpis } from '@memberkit/core';
 * const k = salesKpis([
 *   { customerId: 'a', at: 1, amount: 1000, currency: 'CNY', units: 2, channel: 'store' },
 *   { customerId: 'a', at: 2, amount: 3000, currency: 'CNY', units: 3, channel: 'mini_program', coupons: ['NEW10'] },
 * ]);
 * [k.aov, k.unitsPerTransaction, k.channels[0].channel, k.couponOrderShare];
 * //=> [2000, 2.5, 'mini_program', 0.5]
 * ```
 */
export function salesKpis(orders: Iterable<OrderRecord>, window?: TimeWindow): SalesKpis {
  const reader = orderReader(window);
  const customers = new Set<string>();
  const channels = new Map<string, { orders: number; revenue: number }>();
  let count = 0;
  let revenue = 0;
  let units = 0;
  let withUnits = 0;
  let withCoupon = 0;
  for (const o of orders) {
    if (reader.read(o) === undefined) continue;
    count++;
    revenue += o.amount;
    customers.add(o.customerId);
    if (o.units !== undefined) {
      units += o.units;
      withUnits++;
    }
    if (o.coupons !== undefined && o.coupons.length > 0) withCoupon++;
    const ch = o.channel ?? 'unknown';
    const c = channels.get(ch);
    if (c) {
      c.orders++;
      c.revenue += o.amount;
    } else channels.set(ch, { orders: 1, revenue: o.amount });
  }
  if (!Number.isSafeInteger(revenue)) throw new MemberkitError('invalid_money', 'revenue exceeds the safe integer range', { field: 'orders' });
  if (count === 0) throw new MemberkitError('insufficient_data', 'no orders in the window', { field: 'orders' });
  return {
    currency: reader.currency,
    orders: count,
    customers: customers.size,
    revenue,
    aov: Math.round(revenue / count),
    unitsPerTransaction: withUnits === 0 ? undefined : units / withUnits,
    channels: [...channels.entries()]
      .map(([channel, c]) => ({ channel, orders: c.orders, revenue: c.revenue, share: revenue === 0 ? 0 : c.revenue / revenue }))
      .sort((x, y) => y.revenue - x.revenue || (x.channel < y.channel ? -1 : 1)),
    couponOrderShare: withCoupon / count,
  };
}
