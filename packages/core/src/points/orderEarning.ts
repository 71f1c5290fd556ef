import { currencyExponent } from '../money/currency.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { spreadDiscount } from '../coupons/spreadDiscount.ts';
import type { PointsOrderLine } from './pointsOrderRecord.ts';

/**
 * The order fields earning depends on (a subset of `order_completed` properties).
 *
 * @example
 * ```ts
 * import type { EarningOrder } from '@memberkit/core';
 * const o: EarningOrder = { total: 9900, shipping: 0, products: [{ productId: 'p', price: 9900, quantity: 1 }] };
 * ```
 */
export interface EarningOrder {
  readonly total: number;
  readonly shipping?: number | undefined;
  readonly products: readonly { readonly productId: string; readonly sku?: string | undefined; readonly price: number; readonly quantity: number; readonly discount?: number | undefined }[];
}

/**
 * What an order earns, line by line.
 *
 * @example
 * ```ts
 * import type { OrderEarning } from '@memberkit/core';
 * const pts = (e: OrderEarning) => e.points;
 * ```
 */
export interface OrderEarning {
  readonly eligible: number;
  readonly points: number;
  readonly growth: number;
  readonly lines: PointsOrderLine[];
}

/** `floor(amount / 10^exp × rate)` with a tolerance so 0.1 × 3 style drift never loses a point. */
function perUnit(amountMinor: number, exponent: number, rate: number): number {
  return Math.floor((amountMinor * rate) / 10 ** exponent + 1e-9);
}

/**
 * Points and growth an order earns. The base is what the customer paid
 * (`total`, after every discount) less shipping unless the program counts
 * it; the base is spread over lines in proportion to their net price
 * (price × quantity − line discount), points and growth are computed once
 * for the order (so rounding loses at most one point per order, not per
 * line) and then spread over lines by largest remainder, which lets a refund
 * by line take back exactly what that line earned.
 *
 * @example
 * ```ts
 * import { defineProgram, orderEarning } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * orderEarning(p, { total: 20900, shipping: 1000, products: [{ productId: 'a', price: 9950, quantity: 2 }] }, 1.5).points;
 * //=> 298
 * ```
 */
export function orderEarning(program: Pick<LoyaltyProgram, 'currency' | 'points' | 'growth'>, order: EarningOrder, multiplier: number): OrderEarning {
  const exponent = currencyExponent(program.currency);
  const base = Math.max(0, order.total - (program.points.excludeShipping ? (order.shipping ?? 0) : 0));
  const points = perUnit(base, exponent, program.points.perCurrencyUnit * multiplier);
  const growth = perUnit(base, exponent, program.growth.perCurrencyUnit);
  // One line (most orders) takes all of it: the spreads below would give the same, through four arrays.
  if (order.products.length === 1) return { eligible: base, points, growth, lines: [orderLine(order.products[0] as OrderProduct, base, points, growth)] };
  const nets = order.products.map((p) => Math.max(0, p.price * p.quantity - (p.discount ?? 0)));
  // Lines that are all free still share what was paid (evenly), so line refunds can find it.
  const eligible = spreadDiscount(base, nets.some((n) => n > 0) ? nets : nets.map(() => 1));
  const linePoints = spreadDiscount(points, eligible);
  const lineGrowth = spreadDiscount(growth, eligible);
  // Field by field (a spread per line allocated an object and took the slow copy path).
  // The lines are kept with the order: the first is put in by a literal (one allocation V8 can place
  // in the old generation), the rest pushed.
  let lines: PointsOrderLine[] | undefined;
  for (let i = 0; i < order.products.length; i++) {
    const line = orderLine(order.products[i] as OrderProduct, eligible[i] as number, linePoints[i] as number, lineGrowth[i] as number);
    if (lines === undefined) lines = [line];
    else lines.push(line);
  }
  return { eligible: base, points, growth, lines: lines ?? [] };
}

type OrderProduct = EarningOrder['products'][number];

/** The order record's line for a product and its shares of the eligible amount, points and growth. */
function orderLine(p: OrderProduct, eligible: number, points: number, growth: number): PointsOrderLine {
  return p.sku === undefined
    ? { productId: p.productId, quantity: p.quantity, eligible, points, growth, refundedQty: 0 }
    : { productId: p.productId, sku: p.sku, quantity: p.quantity, eligible, points, growth, refundedQty: 0 };
}
