import type { MemberkitErrorCode } from '../errors/errorCodes.ts';
import { percentOffBasisPoints, type CouponTemplate } from './couponTemplate.ts';
import { isLineEligible } from './isLineEligible.ts';
import { mulDivRound } from './mulDivRound.ts';
import { spreadDiscount } from './spreadDiscount.ts';

/**
 * An order line as a quote sees it while applying coupons one after another.
 *
 * @example
 * ```ts
 * import type { PricedLine } from '@memberkit/core';
 * const line: PricedLine = { index: 0, productId: 'p1', category: 'shoes', quantity: 2, remaining: 39800 };
 * ```
 */
export interface PricedLine {
  readonly index: number;
  readonly productId: string;
  readonly category?: string | undefined;
  readonly quantity: number;
  /** Still payable on this line after what was applied so far, minor units. */
  readonly remaining: number;
}

/**
 * What one coupon gives against the current state of an order.
 *
 * @example
 * ```ts
 * import type { CouponOutcome } from '@memberkit/core';
 * const taken = (o: CouponOutcome) => (o.ok ? o.discount + o.shippingDiscount : 0);
 * ```
 */
export type CouponOutcome =
  | {
      readonly ok: true;
      /** Off the lines, minor units; equals the sum of `lines`. */
      readonly discount: number;
      readonly shippingDiscount: number;
      readonly lines: readonly { readonly index: number; readonly discount: number }[];
      readonly gift?: { readonly productId: string; readonly quantity: number };
    }
  | { readonly ok: false; readonly reason: MemberkitErrorCode; readonly message: string; readonly details: Readonly<Record<string, unknown>> };

const fail = (reason: MemberkitErrorCode, message: string, details: Record<string, unknown> = {}): CouponOutcome => ({ ok: false, reason, message, details });

/**
 * What a coupon of `template` takes off an order whose lines still owe
 * `lines[i].remaining` and whose shipping still owes `shippingRemaining`.
 * Pure integer arithmetic:
 *
 * - fixed: `min(amount, eligible)`;
 * - percentage: `eligible × rate`, rounded half up at the minor unit
 *   (四舍五入到分), then capped by `maxDiscount`;
 * - threshold (满减): `discount` once, or `floor(eligible ÷ threshold)` times
 *   when stepped (每满), capped by `maxDiscount`, never above eligible;
 * - free shipping: the remaining shipping fee, capped by `maxDiscount`;
 * - gift: the product, no amount.
 *
 * The amount is then spread over the eligible lines by {@link spreadDiscount}.
 * Thresholds (`minSpend`, `minItems`, 满 amounts and 每满 steps) are measured
 * on `thresholdLines` when given (a quote passes the order before any coupon:
 * "parallel" thresholds), otherwise on what `lines` still owe; the amount
 * taken is always limited to what the eligible `lines` still owe.
 *
 * @example
 * ```ts
 * import { couponDiscount, parseCouponTemplate } from '@memberkit/core';
 * const t = parseCouponTemplate({ id: 't', name: '满200减30', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000 }, validity: { type: 'relative', validDays: 7 } });
 * couponDiscount(t, [{ index: 0, productId: 'p', quantity: 1, remaining: 25000 }], 0);
 * //=> { ok: true, discount: 3000, shippingDiscount: 0, lines: [{ index: 0, discount: 3000 }] }
 * ```
 */
export function couponDiscount(
  template: CouponTemplate,
  lines: readonly PricedLine[],
  shippingRemaining: number,
  thresholdLines: readonly PricedLine[] = lines,
): CouponOutcome {
  const eligible = lines.filter((l) => isLineEligible(template.scope, l));
  if (eligible.length === 0) return fail('coupon_not_applicable', 'no line of the order is covered by this coupon', { reason: 'no_eligible_lines' });
  let amount = 0;
  for (const l of eligible) amount += l.remaining;
  // What thresholds are measured on: the same lines, possibly before earlier coupons.
  let base = 0;
  let items = 0;
  for (const l of thresholdLines) {
    if (!isLineEligible(template.scope, l)) continue;
    base += l.remaining;
    items += l.quantity;
  }
  const currency = template.currency;
  const b = template.benefit;
  const minSpend = b.kind === 'threshold' && 'amount' in b.threshold ? b.threshold.amount : template.minSpend;
  const minItems = b.kind === 'threshold' && 'items' in b.threshold ? b.threshold.items : template.minItems;
  if (minSpend !== undefined && base < minSpend) {
    return fail('min_spend_not_met', `needs ${minSpend} ${currency} of eligible items, has ${base}`, { minSpend, currency, eligibleAmount: base });
  }
  if (minItems !== undefined && items < minItems) {
    return fail('min_spend_not_met', `needs ${minItems} eligible items, has ${items}`, { minItems, eligibleItems: items });
  }

  if (b.kind === 'gift') return { ok: true, discount: 0, shippingDiscount: 0, lines: [], gift: { productId: b.productId, quantity: b.quantity } };
  if (b.kind === 'free_shipping') {
    if (shippingRemaining === 0) return fail('coupon_not_applicable', 'the order has no shipping fee to waive', { reason: 'no_shipping_fee' });
    const shippingDiscount = Math.min(shippingRemaining, b.maxDiscount ?? shippingRemaining);
    return { ok: true, discount: 0, shippingDiscount, lines: [] };
  }

  if (amount === 0) return fail('coupon_not_applicable', 'nothing left to discount on the covered lines', { reason: 'nothing_to_discount' });
  let discount: number;
  if (b.kind === 'fixed') discount = b.amount;
  else if (b.kind === 'percentage') discount = Math.min(mulDivRound(amount, percentOffBasisPoints(b), 10_000, 'half_up'), b.maxDiscount ?? Infinity);
  else {
    const steps = !b.stepped ? 1 : 'amount' in b.threshold ? Math.floor(base / b.threshold.amount) : Math.floor(items / b.threshold.items);
    discount = Math.min(steps * b.discount, b.maxDiscount ?? Infinity);
  }
  discount = Math.min(discount, amount);
  if (discount === 0) return fail('coupon_not_applicable', 'the discount rounds to zero on this order', { reason: 'zero_discount' });
  const shares = spreadDiscount(
    discount,
    eligible.map((l) => l.remaining),
  );
  return { ok: true, discount, shippingDiscount: 0, lines: eligible.map((l, i) => ({ index: l.index, discount: shares[i] ?? 0 })).filter((s) => s.discount > 0) };
}
