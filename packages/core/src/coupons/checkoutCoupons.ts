import { MemberkitError } from '../errors/memberkitError.ts';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import type { Clock } from '../ports/clock.ts';
import type { CouponStore } from '../ports/couponStore.ts';
import { rejectionError } from './couponRejection.ts';
import { couponUnusableReason } from './couponUnusableReason.ts';
import { effectiveCouponState } from './couponValidity.ts';
import { lockCouponsInputSchema, redeemCouponsInputSchema, unlockCouponsInputSchema, type CouponWalletInputs } from './couponWalletInputs.ts';
import { quoteCoupons, type CouponQuote, type ThresholdMode } from './quoteCoupons.ts';
import { runIdempotent } from './runIdempotent.ts';
import type { WalletCoupon } from './walletCoupon.ts';

/**
 * What the checkout steps need from the wallet.
 *
 * @example
 * ```ts
 * import { manualClock, memoryCouponStore } from '@memberkit/core';
 * const deps = { store: memoryCouponStore(), clock: manualClock(0), lockTtlMs: 900_000, thresholds: 'parallel' as const };
 * ```
 */
export interface CheckoutDeps {
  readonly store: CouponStore;
  readonly clock: Clock;
  readonly lockTtlMs: number;
  readonly thresholds: ThresholdMode;
}

/**
 * What `wallet.redeem` returns: the quote the coupons were redeemed at and
 * the coupons as stored after redemption.
 *
 * @example
 * ```ts
 * import type { CouponRedemptionResult } from '@memberkit/core';
 * const saved = (r: CouponRedemptionResult) => r.quote.totalDiscount;
 * ```
 */
export interface CouponRedemptionResult {
  readonly orderId: string;
  readonly quote: CouponQuote;
  readonly coupons: readonly WalletCoupon[];
}

const unique = (codes: readonly string[]) => [...new Set(codes)];

/** Puts each coupon back as it was, newest change first; each `next` must still be at its version. */
async function rollBack(store: CouponStore, done: { before: WalletCoupon; after: WalletCoupon }[]): Promise<void> {
  for (const { before, after } of done.reverse()) {
    // Nothing but this call moves a coupon out of the state it just set
    // (used is final; a lock is held by this order), so the CAS succeeds.
    await store.compareAndSet({ ...before, version: after.version + 1, updatedAt: after.updatedAt }, after.version);
  }
}

/** Reads a coupon again after a lost compare-and-set and explains why, for the error. */
async function lostRace(store: CouponStore, coupon: WalletCoupon, orderId: string, now: number): Promise<MemberkitError> {
  const fresh = await store.getCoupon(coupon.id);
  const why = couponUnusableReason(fresh, { memberId: coupon.memberId, orderId }, now);
  if (why) return rejectionError({ code: coupon.code, ...why });
  return new MemberkitError('conflict', `coupon ${coupon.code} changed meanwhile; retry`, { field: 'codes', details: { code: coupon.code } });
}

/**
 * Locks every code for one checkout, or none: each coupon must be usable by
 * the member now; a coupon already locked by the same order has its lock
 * renewed. If any code fails, the ones locked so far are released and the
 * error names the failing code.
 *
 * @example
 * ```ts
 * // wallet.lock({ key: 'lock-o1', memberId: 'm1', orderId: 'o1', codes: ['cpn_1'] })
 * ```
 */
export async function lockCoupons(deps: CheckoutDeps, input: CouponWalletInputs['lock']): Promise<WalletCoupon[]> {
  const i = parseOrThrow(lockCouponsInputSchema, input, 'invalid_input', 'lock');
  const { store, clock } = deps;
  return runIdempotent(store, i.key, 'lock', { ...i, key: undefined }, async () => {
    const now = clock.now();
    const expiresAt = now + (i.ttlMs ?? deps.lockTtlMs);
    const done: { before: WalletCoupon; after: WalletCoupon }[] = [];
    for (const code of unique(i.codes)) {
      const coupon = await store.getCouponByCode(code);
      const why = couponUnusableReason(coupon, { memberId: i.memberId, orderId: i.orderId }, now);
      if (why || !coupon) {
        await rollBack(store, done);
        throw rejectionError({ code, ...(why ?? { reason: 'coupon_not_found', message: 'no such coupon', details: {} }) });
      }
      const next: WalletCoupon = { ...coupon, state: 'locked', lock: { orderId: i.orderId, lockedAt: now, expiresAt }, version: coupon.version + 1, updatedAt: now };
      if (!(await store.compareAndSet(next, coupon.version))) {
        const error = await lostRace(store, coupon, i.orderId, now);
        await rollBack(store, done);
        throw error;
      }
      done.push({ before: coupon, after: next });
    }
    return done.map((d) => d.after);
  });
}

/**
 * Releases the codes an order locked (checkout abandoned). A code whose lock
 * already timed out or was released is left as it is; a code locked by a
 * different order or already used is an error, raised before anything is
 * released.
 *
 * @example
 * ```ts
 * // wallet.unlock({ key: 'unlock-o1', memberId: 'm1', orderId: 'o1', codes: ['cpn_1'] })
 * ```
 */
export async function unlockCoupons(deps: CheckoutDeps, input: CouponWalletInputs['unlock']): Promise<WalletCoupon[]> {
  const i = parseOrThrow(unlockCouponsInputSchema, input, 'invalid_input', 'unlock');
  const { store, clock } = deps;
  return runIdempotent(store, i.key, 'unlock', { ...i, key: undefined }, async () => {
    const now = clock.now();
    const coupons: WalletCoupon[] = [];
    for (const code of unique(i.codes)) {
      const coupon = await store.getCouponByCode(code);
      const state = coupon ? effectiveCouponState(coupon, now) : undefined;
      const ownLock = state === 'locked' && coupon?.lock?.orderId === i.orderId;
      if (!coupon || coupon.memberId !== i.memberId || (state !== 'available' && state !== 'expired' && !ownLock)) {
        const why = couponUnusableReason(coupon, { memberId: i.memberId, orderId: i.orderId }, now);
        throw rejectionError({ code, ...(why ?? { reason: 'conflict', message: 'not locked by this order', details: {} }) });
      }
      coupons.push(coupon);
    }
    const out: WalletCoupon[] = [];
    for (const coupon of coupons) {
      if (coupon.state !== 'locked' || coupon.lock?.orderId !== i.orderId) {
        out.push(coupon);
        continue;
      }
      const { lock: _lock, ...rest } = coupon;
      const next: WalletCoupon = { ...rest, state: 'available', version: coupon.version + 1, updatedAt: now };
      if (!(await store.compareAndSet(next, coupon.version))) throw await lostRace(store, coupon, i.orderId, now);
      out.push(next);
    }
    return out;
  });
}

/**
 * Redeems codes on a paid order: quotes the order (coupons locked by this
 * order count as usable), fails with the first rejection if any code does not
 * apply (all rejections in `details.rejected`), then moves each applied
 * coupon to `used` with a compare-and-set, recording the order and the
 * discount it gave. If another request won any coupon meanwhile, the ones
 * already moved are put back and the error says why (`coupon_used` …): a
 * single-use coupon is never used twice, and a failed redemption uses none.
 *
 * @example
 * ```ts
 * // wallet.redeem({ key: 'pay-o1', order: { orderId: 'o1', memberId: 'm1', currency: 'CNY', lines }, codes: ['cpn_1'] })
 * ```
 */
export async function redeemCoupons(deps: CheckoutDeps, input: CouponWalletInputs['redeem']): Promise<CouponRedemptionResult> {
  const i = parseOrThrow(redeemCouponsInputSchema, input, 'invalid_input', 'redeem');
  const { store, clock } = deps;
  return runIdempotent(store, i.key, 'redeem', { ...i, key: undefined }, async () => {
    const now = clock.now();
    const candidates = await Promise.all(i.codes.map(async (code) => ({ code, coupon: await store.getCouponByCode(code) })));
    const quote = quoteCoupons(i.order, candidates, now, { thresholds: deps.thresholds });
    const first = quote.rejected[0];
    if (first) {
      const error = rejectionError(first);
      throw new MemberkitError(error.code, error.message, { field: 'codes', details: { ...error.details, rejected: quote.rejected } });
    }
    const byCode = new Map(candidates.map((c) => [c.code, c.coupon]));
    const done: { before: WalletCoupon; after: WalletCoupon }[] = [];
    for (const a of quote.applied) {
      const coupon = byCode.get(a.code);
      if (!coupon) continue;
      const { lock: _lock, ...rest } = coupon;
      const next: WalletCoupon = {
        ...rest,
        state: 'used',
        redemption: { orderId: i.order.orderId, redeemedAt: now, discount: a.discount, shippingDiscount: a.shippingDiscount },
        version: coupon.version + 1,
        updatedAt: now,
      };
      if (!(await store.compareAndSet(next, coupon.version))) {
        const error = await lostRace(store, coupon, i.order.orderId, now);
        await rollBack(store, done);
        throw error;
      }
      done.push({ before: coupon, after: next });
    }
    return { orderId: i.order.orderId, quote, coupons: done.map((d) => d.after) };
  });
}
