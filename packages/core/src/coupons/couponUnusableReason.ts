import type { MemberkitErrorCode } from '../errors/errorCodes.ts';
import { effectiveCouponState } from './couponValidity.ts';
import type { WalletCoupon } from './walletCoupon.ts';

/**
 * Why a coupon cannot be used right now, independent of the order's lines.
 *
 * @example
 * ```ts
 * import type { UnusableReason } from '@memberkit/core';
 * const r: UnusableReason = { reason: 'coupon_locked', message: 'held by another checkout', details: { until: 0 } };
 * ```
 */
export interface UnusableReason {
  readonly reason: MemberkitErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Checks what the coupon's own state and dates allow, for `memberId` at
 * `now`: unknown or someone else's → `coupon_not_found` (never revealing
 * another member's coupon); then `coupon_used`, `coupon_void`,
 * `coupon_expired`; `coupon_locked` when a live lock belongs to a different
 * order (the order holding the lock may use it); `coupon_not_started`; and
 * `currency_mismatch` when a currency is given and differs. `undefined` means
 * usable.
 *
 * @example
 * ```ts
 * import { couponUnusableReason } from '@memberkit/core';
 * couponUnusableReason(undefined, { memberId: 'm1' }, 0)?.reason;
 * //=> 'coupon_not_found'
 * ```
 */
export function couponUnusableReason(
  coupon: WalletCoupon | undefined,
  context: { memberId: string; currency?: string; orderId?: string | undefined },
  now: number,
): UnusableReason | undefined {
  if (coupon === undefined || coupon.memberId !== context.memberId) return { reason: 'coupon_not_found', message: 'no such coupon in this wallet', details: {} };
  const state = effectiveCouponState(coupon, now);
  if (state === 'used') return { reason: 'coupon_used', message: `already used${coupon.redemption ? ` on order ${coupon.redemption.orderId}` : ''}`, details: {} };
  if (state === 'void') return { reason: 'coupon_void', message: 'the coupon was voided', details: {} };
  if (state === 'expired') return { reason: 'coupon_expired', message: `expired at ${new Date(coupon.endsAt).toISOString()}`, details: { endsAt: coupon.endsAt } };
  if (state === 'locked' && coupon.lock && coupon.lock.orderId !== context.orderId) {
    return { reason: 'coupon_locked', message: 'held by another checkout', details: { until: coupon.lock.expiresAt } };
  }
  if (now < coupon.startsAt) return { reason: 'coupon_not_started', message: `usable from ${new Date(coupon.startsAt).toISOString()}`, details: { startsAt: coupon.startsAt } };
  if (context.currency !== undefined && context.currency !== coupon.template.currency) {
    return { reason: 'currency_mismatch', message: `coupon is in ${coupon.template.currency}, order in ${context.currency}`, details: { expected: coupon.template.currency, actual: context.currency } };
  }
  return undefined;
}
