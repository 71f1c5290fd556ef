import { z } from 'zod';
import type { CouponTemplate } from './couponTemplate.ts';

const id = z.string().trim().min(1).max(200);

/**
 * The states a coupon in a member's wallet can be in.
 * `available → locked → used` is checkout; `locked → available` when the
 * checkout is abandoned or the lock times out; `available → expired` when
 * validity ends; `available | locked → void` when an operator cancels it.
 * `used`, `expired` and `void` are final.
 *
 * @example
 * ```ts
 * import { COUPON_STATES } from '@memberkit/core';
 * COUPON_STATES.includes('locked');
 * //=> true
 * ```
 */
export const COUPON_STATES = ['available', 'locked', 'used', 'expired', 'void'] as const;

/**
 * One of {@link COUPON_STATES}.
 *
 * @example
 * ```ts
 * import type { CouponState } from '@memberkit/core';
 * const s: CouponState = 'used';
 * ```
 */
export type CouponState = (typeof COUPON_STATES)[number];

/**
 * Why a coupon was issued (R-CPN-3): a campaign, a lifecycle rule (win-back,
 * birthday), a tier benefit, the member claiming it, or an operator by hand.
 * Recorded on every coupon so redemption-rate analytics can split by source.
 *
 * @example
 * ```ts
 * import { couponSourceSchema } from '@memberkit/core';
 * couponSourceSchema.parse({ kind: 'lifecycle', ruleId: 'win_back_60d' }).kind;
 * //=> 'lifecycle'
 * ```
 */
export const couponSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('campaign'), campaignId: id }).strict(),
  z.object({ kind: z.literal('lifecycle'), ruleId: id }).strict(),
  z.object({ kind: z.literal('benefit'), benefitId: id, tierId: id.optional() }).strict(),
  z.object({ kind: z.literal('claim'), channel: z.string().max(100).optional() }).strict(),
  z.object({ kind: z.literal('manual'), operatorId: id, reason: z.string().trim().min(1).max(500) }).strict(),
]);

/**
 * The recorded origin of a coupon, see {@link couponSourceSchema}.
 *
 * @example
 * ```ts
 * import type { CouponSource } from '@memberkit/core';
 * const s: CouponSource = { kind: 'campaign', campaignId: '618' };
 * ```
 */
export type CouponSource = z.output<typeof couponSourceSchema>;

/**
 * A checkout reservation: which order holds the coupon and until when.
 *
 * @example
 * ```ts
 * import type { CouponLock } from '@memberkit/core';
 * const lock: CouponLock = { orderId: 'o1', lockedAt: 0, expiresAt: 900_000 };
 * ```
 */
export interface CouponLock {
  readonly orderId: string;
  readonly lockedAt: number;
  /** Epoch ms; at or after this instant the lock no longer holds. */
  readonly expiresAt: number;
}

/**
 * What a redemption recorded: the order and the discount the coupon gave.
 *
 * @example
 * ```ts
 * import type { CouponRedemption } from '@memberkit/core';
 * const r: CouponRedemption = { orderId: 'o1', redeemedAt: 0, discount: 3000, shippingDiscount: 0 };
 * ```
 */
export interface CouponRedemption {
  readonly orderId: string;
  readonly redeemedAt: number;
  /** Discount on lines, minor units. */
  readonly discount: number;
  /** Discount on shipping, minor units. */
  readonly shippingDiscount: number;
}

/**
 * A coupon in a member's wallet. It carries a snapshot of its template as
 * issued, so changing a template later never changes coupons already held
 * (the member keeps the terms they were given). `version` increases by one
 * on every change and is what {@link CouponStore.compareAndSet} compares.
 *
 * @example
 * ```ts
 * import type { WalletCoupon } from '@memberkit/core';
 * const usable = (c: WalletCoupon) => c.state === 'available';
 * ```
 */
export interface WalletCoupon {
  readonly id: string;
  /** What the member types or scans; unique in the store. */
  readonly code: string;
  readonly memberId: string;
  readonly templateId: string;
  readonly template: CouponTemplate;
  readonly source: CouponSource;
  readonly issuedAt: number;
  /** First instant it can be used (epoch ms, inclusive). */
  readonly startsAt: number;
  /** First instant it can no longer be used (epoch ms, exclusive). */
  readonly endsAt: number;
  /** The stored state; see {@link effectiveCouponState} for the state at a given time. */
  readonly state: CouponState;
  readonly version: number;
  readonly updatedAt: number;
  readonly lock?: CouponLock;
  readonly redemption?: CouponRedemption;
  readonly voided?: { readonly at: number; readonly reason: string };
  readonly expiredAt?: number;
}
