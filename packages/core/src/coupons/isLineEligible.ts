import type { CouponTemplate } from './couponTemplate.ts';

/**
 * The parts of an order line that decide whether a coupon covers it.
 *
 * @example
 * ```ts
 * import type { EligibilityLine } from '@memberkit/core';
 * const line: EligibilityLine = { productId: 'p1', category: 'shoes' };
 * ```
 */
export interface EligibilityLine {
  readonly productId: string;
  readonly category?: string | undefined;
}

/**
 * Whether a coupon's scope covers a line: excluded products and categories
 * never qualify; otherwise, with no `products` / `categories` list every line
 * qualifies, and with lists a line qualifies when its product or its category
 * is listed.
 *
 * @example
 * ```ts
 * import { isLineEligible } from '@memberkit/core';
 * isLineEligible({ categories: ['shoes'], excludeProducts: ['p9'] }, { productId: 'p1', category: 'shoes' });
 * //=> true
 * ```
 */
export function isLineEligible(scope: CouponTemplate['scope'], line: EligibilityLine): boolean {
  if (scope.excludeProducts?.includes(line.productId)) return false;
  if (line.category !== undefined && scope.excludeCategories?.includes(line.category)) return false;
  const hasIncludes = (scope.products?.length ?? 0) > 0 || (scope.categories?.length ?? 0) > 0;
  if (!hasIncludes) return true;
  if (scope.products?.includes(line.productId)) return true;
  return line.category !== undefined && (scope.categories?.includes(line.category) ?? false);
}
