import type { CouponTemplate } from './couponTemplate.ts';

/**
 * Where a coupon acts, which fixes when it is applied in a quote:
 * `product` (amount off lines, limited to listed products / categories),
 * then `order` (amount off every line not excluded), then `shipping`, then
 * `gift`. The same classes as Shopify's discount classes (product, order,
 * shipping) in the same order.
 *
 * @example
 * ```ts
 * import type { CouponLevel } from '@memberkit/core';
 * const l: CouponLevel = 'order';
 * ```
 */
export type CouponLevel = 'product' | 'order' | 'shipping' | 'gift';

const RANK: Record<CouponLevel, number> = { product: 0, order: 1, shipping: 2, gift: 3 };

/**
 * The {@link CouponLevel} of a template.
 *
 * @example
 * ```ts
 * import { couponLevel, parseCouponTemplate } from '@memberkit/core';
 * couponLevel(parseCouponTemplate({ id: 't', name: 'T', currency: 'CNY', benefit: { kind: 'fixed', amount: 500 }, scope: { categories: ['shoes'] }, validity: { type: 'relative', validDays: 7 } }));
 * //=> 'product'
 * ```
 */
export function couponLevel(template: Pick<CouponTemplate, 'benefit' | 'scope'>): CouponLevel {
  if (template.benefit.kind === 'free_shipping') return 'shipping';
  if (template.benefit.kind === 'gift') return 'gift';
  const s = template.scope;
  return (s.products?.length ?? 0) > 0 || (s.categories?.length ?? 0) > 0 ? 'product' : 'order';
}

/**
 * Compares two coupons for the order in which a quote applies them: by level
 * (product → order → shipping → gift), then higher template `priority`
 * first, then the order the codes were given in (`index`). Total and
 * deterministic.
 *
 * @example
 * ```ts
 * import { compareApplicationOrder } from '@memberkit/core';
 * compareApplicationOrder({ level: 'order', priority: 5, index: 0 }, { level: 'product', priority: 0, index: 1 }) > 0;
 * //=> true
 * ```
 */
export function compareApplicationOrder(
  a: { level: CouponLevel; priority: number; index: number },
  b: { level: CouponLevel; priority: number; index: number },
): number {
  return RANK[a.level] - RANK[b.level] || b.priority - a.priority || a.index - b.index;
}
