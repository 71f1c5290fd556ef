import { z } from 'zod';
import { couponOrderSchema } from './couponOrder.ts';
import { couponSourceSchema } from './walletCoupon.ts';

const id = z.string().trim().min(1).max(200);
const key = z.string().trim().min(1).max(200);
const codes = z.array(id).min(1).max(50);

/**
 * Input of `wallet.issue`: who gets which template, and why (R-CPN-3).
 *
 * @example
 * ```ts
 * issueCouponInputSchema.parse({ key: 'k', memberId: 'm1', templateId: 't', source: { kind: 'campaign', campaignId: '618' } }).source.kind;
 * //=> 'campaign'
 * ```
 */
export const issueCouponInputSchema = z
  .object({ key, memberId: id, templateId: id, source: couponSourceSchema, code: id.optional() })
  .strict();

/**
 * Input of `wallet.claim`: the member takes a coupon themselves.
 *
 * @example
 * ```ts
 * claimCouponInputSchema.safeParse({ key: '', memberId: 'm1', templateId: 't' }).success;
 * //=> false
 * ```
 */
export const claimCouponInputSchema = z
  .object({ key, memberId: id, templateId: id, channel: z.string().max(100).optional() })
  .strict();

/**
 * Input of `wallet.lock`: reserve codes for one checkout.
 *
 * @example
 * ```ts
 * lockCouponsInputSchema.parse({ key: 'k', memberId: 'm1', orderId: 'o1', codes: ['c1'] }).codes;
 * //=> ['c1']
 * ```
 */
export const lockCouponsInputSchema = z
  .object({ key, memberId: id, orderId: id, codes, ttlMs: z.number().int().positive().max(86_400_000).optional() })
  .strict();

/**
 * Input of `wallet.unlock`: release codes a checkout reserved.
 *
 * @example
 * ```ts
 * unlockCouponsInputSchema.safeParse({ key: 'k', memberId: 'm1', orderId: 'o1', codes: [] }).success;
 * //=> false
 * ```
 */
export const unlockCouponsInputSchema = z.object({ key, memberId: id, orderId: id, codes }).strict();

/**
 * Input of `wallet.redeem`: use codes on a paid order.
 *
 * @example
 * ```ts
 * redeemCouponsInputSchema.safeParse({ key: 'k', order: { memberId: 'm1', currency: 'CNY', lines: [{ productId: 'p', price: 100, quantity: 1 }] }, codes: ['c1'] }).success;
 * //=> false
 * ```
 */
export const redeemCouponsInputSchema = z
  .object({ key, order: couponOrderSchema.and(z.object({ orderId: id })), codes })
  .strict();

/**
 * Input of `wallet.void`: cancel a coupon, with a reason kept on it.
 *
 * @example
 * ```ts
 * voidCouponInputSchema.parse({ key: 'k', code: 'c1', reason: 'issued by mistake' }).reason;
 * //=> 'issued by mistake'
 * ```
 */
export const voidCouponInputSchema = z.object({ key, code: id, reason: z.string().trim().min(1).max(500) }).strict();

/**
 * Input of `wallet.expire`: sweep coupons whose validity has ended.
 *
 * @example
 * ```ts
 * expireCouponsInputSchema.parse({ key: 'sweep-2026-06-01' }).limit;
 * //=> 10000
 * ```
 */
export const expireCouponsInputSchema = z.object({ key, limit: z.number().int().positive().max(100_000).default(10_000) }).strict();

/**
 * Inputs of the mutating wallet calls. Each takes an idempotency `key`.
 *
 * @example
 * ```ts
 * import type { CouponWalletInputs } from '@memberkit/core';
 * const claim: CouponWalletInputs['claim'] = { key: 'claim-m1-welcome', memberId: 'm1', templateId: 'welcome' };
 * ```
 */
export interface CouponWalletInputs {
  issue: z.input<typeof issueCouponInputSchema>;
  claim: z.input<typeof claimCouponInputSchema>;
  lock: z.input<typeof lockCouponsInputSchema>;
  unlock: z.input<typeof unlockCouponsInputSchema>;
  redeem: z.input<typeof redeemCouponsInputSchema>;
  void: z.input<typeof voidCouponInputSchema>;
  expire: z.input<typeof expireCouponsInputSchema>;
}
