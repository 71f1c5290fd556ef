import { couponDiscount, type PricedLine } from './couponDiscount.ts';
import { compareApplicationOrder, couponLevel, type CouponLevel } from './couponLevel.ts';
import type { CouponOrder } from './couponOrder.ts';
import type { CouponRejection } from './couponRejection.ts';
import { couponUnusableReason } from './couponUnusableReason.ts';
import { selectStackable } from './selectStackable.ts';
import type { WalletCoupon } from './walletCoupon.ts';

/**
 * A coupon that applies, with what it takes off and where.
 *
 * @example
 * ```ts
 * import type { AppliedCoupon } from '@memberkit/core';
 * const saved = (a: AppliedCoupon) => a.discount + a.shippingDiscount;
 * ```
 */
export interface AppliedCoupon {
  readonly code: string;
  readonly couponId: string;
  readonly templateId: string;
  readonly level: CouponLevel;
  /** Off the lines, minor units (sum of `lines`). */
  readonly discount: number;
  readonly shippingDiscount: number;
  /** Per line (by index in `order.lines`) share of `discount`; lines with a zero share are left out. */
  readonly lines: readonly { readonly index: number; readonly discount: number }[];
  readonly gift?: { readonly productId: string; readonly quantity: number };
}

/**
 * One order line after coupons.
 *
 * @example
 * ```ts
 * import type { QuotedLine } from '@memberkit/core';
 * const line: QuotedLine = { index: 0, productId: 'coat', amount: 15000, discount: 1957, total: 13043 };
 * ```
 */
export interface QuotedLine {
  readonly index: number;
  readonly productId: string;
  /** `price × quantity − discount` before coupons. */
  readonly amount: number;
  /** Sum of coupon shares on this line. */
  readonly discount: number;
  /** `amount − discount`, never negative. */
  readonly total: number;
}

/**
 * The priced result of a set of codes against an order: what applies, what
 * does not and why, and the exact discount per line.
 *
 * @example
 * ```ts
 * import type { CouponQuote } from '@memberkit/core';
 * const why = (q: CouponQuote) => q.rejected.map((r) => `${r.code}: ${r.reason}`);
 * ```
 */
export interface CouponQuote {
  readonly currency: string;
  /** Sum of line amounts before coupons. */
  readonly subtotal: number;
  readonly shipping: number;
  readonly lines: readonly QuotedLine[];
  /** In the order they were applied. */
  readonly applied: readonly AppliedCoupon[];
  /** In the order the codes were given. */
  readonly rejected: readonly CouponRejection[];
  readonly gifts: readonly { readonly code: string; readonly productId: string; readonly quantity: number }[];
  readonly itemDiscount: number;
  readonly shippingDiscount: number;
  readonly totalDiscount: number;
  /** `subtotal − itemDiscount + shipping − shippingDiscount`. */
  readonly total: number;
}

/**
 * A code and the wallet coupon it names (`undefined` when unknown).
 *
 * @example
 * ```ts
 * import type { QuoteCandidate } from '@memberkit/core';
 * const unknown: QuoteCandidate = { code: 'NOPE', coupon: undefined };
 * ```
 */
export interface QuoteCandidate {
  readonly code: string;
  readonly coupon: WalletCoupon | undefined;
}

/**
 * How thresholds (满 amounts, `minSpend`, `minItems`) are measured when
 * several coupons apply: `parallel` (default) on the eligible lines before
 * any coupon, as Taobao/Tmall's 平行满减 does, so coupons never knock each
 * other below a threshold; `sequential` on what is still payable after the
 * coupons applied before, which is stricter for the merchant.
 *
 * @example
 * ```ts
 * import type { ThresholdMode } from '@memberkit/core';
 * const mode: ThresholdMode = 'parallel';
 * ```
 */
export type ThresholdMode = 'parallel' | 'sequential';

/**
 * Prices `candidates` against `order` at instant `now`, touching nothing.
 *
 * 1. Each code is checked on its own: state and dates
 *    ({@link couponUnusableReason}), then against the order before any coupon
 *    ({@link couponDiscount}: covered lines, thresholds). A repeated code is
 *    rejected as `duplicate_request`.
 * 2. Stacking is decided in the order the codes were given
 *    ({@link selectStackable}): the earlier code wins a conflict.
 * 3. Accepted coupons are applied one after another in
 *    {@link compareApplicationOrder} (product-level → order-level → shipping →
 *    gift; then higher priority; then given order), each taking at most what
 *    is still payable after the ones before. Thresholds follow `thresholds`
 *    ({@link ThresholdMode}); in `sequential` mode a threshold no longer met at
 *    that point rejects the coupon with `min_spend_not_met`.
 *
 * @example
 * ```ts
 * import { quoteCoupons } from '@memberkit/core';
 * const q = quoteCoupons({ memberId: 'm1', currency: 'CNY', shipping: 0, lines: [{ productId: 'p1', price: 100, quantity: 1 }] }, [{ code: 'X', coupon: undefined }], 0);
 * q.rejected[0].reason;
 * //=> 'coupon_not_found'
 * ```
 */
export function quoteCoupons(
  order: CouponOrder,
  candidates: readonly QuoteCandidate[],
  now: number,
  options: { thresholds?: ThresholdMode } = {},
): CouponQuote {
  const parallel = (options.thresholds ?? 'parallel') === 'parallel';
  const original: PricedLine[] = order.lines.map((l, index) => ({
    index,
    productId: l.productId,
    category: l.category,
    quantity: l.quantity,
    remaining: l.price * l.quantity - (l.discount ?? 0),
  }));
  const rejected: { index: number; rejection: CouponRejection }[] = [];
  const reject = (index: number, code: string, r: Omit<CouponRejection, 'code'>) =>
    rejected.push({ index, rejection: { code, reason: r.reason, message: r.message, details: r.details } });

  const seen = new Set<string>();
  const usable: { index: number; code: string; coupon: WalletCoupon }[] = [];
  candidates.forEach(({ code, coupon }, index) => {
    if (seen.has(code)) return reject(index, code, { reason: 'duplicate_request', message: 'the same code was given twice', details: {} });
    seen.add(code);
    const unusable = couponUnusableReason(coupon, { memberId: order.memberId, currency: order.currency, orderId: order.orderId }, now);
    if (unusable || coupon === undefined) return reject(index, code, unusable ?? { reason: 'coupon_not_found', message: 'no such coupon', details: {} });
    const alone = couponDiscount(coupon.template, original, order.shipping);
    if (!alone.ok) return reject(index, code, alone);
    usable.push({ index, code, coupon });
  });

  const conflicts = selectStackable(usable.map((u) => ({ code: u.code, stacking: u.coupon.template.stacking })));
  const accepted = usable
    .filter((u, i) => {
      const conflict = conflicts[i];
      if (conflict) reject(u.index, u.code, { reason: 'coupon_not_stackable', message: 'cannot be combined with the other coupons given', details: conflict });
      return conflict === undefined;
    })
    .map((u) => ({ ...u, level: couponLevel(u.coupon.template), priority: u.coupon.template.priority }))
    .sort(compareApplicationOrder);

  const lines = original.map((l) => ({ ...l }));
  let shippingLeft = order.shipping;
  const applied: AppliedCoupon[] = [];
  for (const a of accepted) {
    const outcome = couponDiscount(a.coupon.template, lines, shippingLeft, parallel ? original : lines);
    if (!outcome.ok) {
      reject(a.index, a.code, outcome);
      continue;
    }
    for (const s of outcome.lines) {
      const line = lines[s.index];
      if (line) line.remaining -= s.discount;
    }
    shippingLeft -= outcome.shippingDiscount;
    applied.push({
      code: a.code,
      couponId: a.coupon.id,
      templateId: a.coupon.templateId,
      level: a.level,
      discount: outcome.discount,
      shippingDiscount: outcome.shippingDiscount,
      lines: outcome.lines,
      ...(outcome.gift ? { gift: outcome.gift } : {}),
    });
  }

  let subtotal = 0;
  let itemDiscount = 0;
  const quoted: QuotedLine[] = original.map((l, i) => {
    const total = lines[i]?.remaining ?? l.remaining;
    subtotal += l.remaining;
    itemDiscount += l.remaining - total;
    return { index: l.index, productId: l.productId, amount: l.remaining, discount: l.remaining - total, total };
  });
  const shippingDiscount = order.shipping - shippingLeft;
  return {
    currency: order.currency,
    subtotal,
    shipping: order.shipping,
    lines: quoted,
    applied,
    rejected: rejected.sort((x, y) => x.index - y.index).map((r) => r.rejection),
    gifts: applied.flatMap((a) => (a.gift ? [{ code: a.code, ...a.gift }] : [])),
    itemDiscount,
    shippingDiscount,
    totalDiscount: itemDiscount + shippingDiscount,
    total: subtotal - itemDiscount + order.shipping - shippingDiscount,
  };
}
