import type { CouponTemplate } from './couponTemplate.ts';
import type { CouponState, WalletCoupon } from './walletCoupon.ts';

const DAY_MS = 86_400_000;

/**
 * The usable window `[startsAt, endsAt)` of a coupon issued at `issuedAt`.
 * Relative validity counts exact 24-hour days from the issue instant (so a
 * 7-day coupon issued at 10:00 ends at 10:00 a week later, in every time
 * zone), clipped by the template's optional `notAfter`.
 *
 * @example
 * ```ts
 * import { couponWindow, parseCouponTemplate } from '@memberkit/core';
 * const t = parseCouponTemplate({ id: 't', name: 'T', currency: 'CNY', benefit: { kind: 'fixed', amount: 500 }, validity: { type: 'relative', startAfterDays: 1, validDays: 7 } });
 * const w = couponWindow(t, Date.UTC(2026, 0, 1));
 * [new Date(w.startsAt).toISOString(), new Date(w.endsAt).toISOString()];
 * //=> ['2026-01-02T00:00:00.000Z', '2026-01-09T00:00:00.000Z']
 * ```
 */
export function couponWindow(template: CouponTemplate, issuedAt: number): { startsAt: number; endsAt: number } {
  const v = template.validity;
  if (v.type === 'absolute') return { startsAt: v.startsAt, endsAt: v.endsAt };
  const startsAt = issuedAt + v.startAfterDays * DAY_MS;
  const endsAt = startsAt + v.validDays * DAY_MS;
  return { startsAt, endsAt: v.notAfter === undefined ? endsAt : Math.min(endsAt, v.notAfter) };
}

/**
 * The state of a coupon at instant `now`, applying what time alone changes
 * without a write: a lock past its `expiresAt` no longer holds (the coupon is
 * available again), and an available coupon past its `endsAt` is expired.
 * A coupon still under a live lock stays locked even if its validity ended
 * meanwhile: the reservation was made while it was valid, so the checkout
 * that holds it may finish.
 *
 * @example
 * ```ts
 * import { effectiveCouponState } from '@memberkit/core';
 * effectiveCouponState({ state: 'locked', endsAt: 2_000, lock: { orderId: 'o1', lockedAt: 0, expiresAt: 1_000 } }, 1_500);
 * //=> 'available'
 * ```
 */
export function effectiveCouponState(coupon: Pick<WalletCoupon, 'state' | 'endsAt' | 'lock'>, now: number): CouponState {
  let state = coupon.state;
  if (state === 'locked' && (coupon.lock === undefined || coupon.lock.expiresAt <= now)) state = 'available';
  if (state === 'available' && now >= coupon.endsAt) state = 'expired';
  return state;
}
