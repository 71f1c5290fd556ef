import type { CouponWallet } from '../coupons/couponWallet.ts';
import type { WalletCoupon } from '../coupons/walletCoupon.ts';
import { isMemberkitError } from '../errors/memberkitError.ts';
import { requestFingerprint } from '../idempotency/requestFingerprint.ts';

/**
 * What happened to one birthday gift coupon: the coupon issued, or why not
 * (e.g. `coupon_limit_reached`, `coupon_expired`, `not_found` for a template
 * the wallet does not know).
 *
 * @example
 * ```ts
 * import type { BirthdayGift } from '@memberkit/core';
 * const code = (g: BirthdayGift) => g.coupon?.code ?? g.error?.code;
 * ```
 */
export interface BirthdayGift {
  readonly templateId: string;
  readonly coupon: WalletCoupon | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * The wallet idempotency key of a birthday gift: one per member per local
 * year, whatever the template, so a member gets at most one birthday gift a
 * year even if the action is recorded twice under different refs or the
 * tier (and its gift) changed in between. Long member ids are hashed to fit
 * the wallet's 200-character keys.
 *
 * @example
 * ```ts
 * import { birthdayGiftKey } from '@memberkit/core';
 * birthdayGiftKey('m1', 2026);
 * //=> 'birthday-gift:m1:2026'
 * ```
 */
export function birthdayGiftKey(memberId: string, year: number): string {
  const key = `birthday-gift:${memberId}:${year}`;
  return key.length <= 200 ? key : `birthday-gift:${requestFingerprint('birthday', { memberId, year })}`;
}

/**
 * Issues the birthday gift coupons a `birthday` action granted, through the
 * coupon wallet (so its templates, validity and issue limits apply), with
 * source `{ kind: 'benefit', benefitId: 'birthday_gift' }`. Each issue is
 * idempotent by {@link birthdayGiftKey} (member + local year of the action):
 * a retried or replayed birthday action returns the coupon already issued,
 * and a second birthday action in the same year gets no second gift (a
 * different template that year is refused with `idempotency_conflict`).
 * The points were already committed, so a wallet refusal is reported per
 * gift instead of failing the action; replaying the action (same key) tries
 * the gift again.
 *
 * @example
 * ```ts
 * import { createCouponWallet, issueBirthdayGift, memoryCouponStore } from '@memberkit/core';
 * const wallet = createCouponWallet({ store: memoryCouponStore(), templates: [{ id: 'bday', name: '生日券', currency: 'CNY', benefit: { kind: 'fixed', amount: 2000 }, validity: { type: 'relative', validDays: 30 } }] });
 * const [gift] = await issueBirthdayGift(wallet, { memberId: 'm1', year: 2026, couponTemplateIds: ['bday'] });
 * gift?.coupon?.templateId;
 * //=> 'bday'
 * ```
 */
export async function issueBirthdayGift(
  wallet: CouponWallet,
  granted: { readonly memberId: string; readonly year: number; readonly couponTemplateIds: readonly string[] },
): Promise<BirthdayGift[]> {
  const gifts: BirthdayGift[] = [];
  for (const templateId of granted.couponTemplateIds) {
    try {
      const coupon = await wallet.issue({
        key: birthdayGiftKey(granted.memberId, granted.year),
        memberId: granted.memberId,
        templateId,
        source: { kind: 'benefit', benefitId: 'birthday_gift' },
      });
      gifts.push({ templateId, coupon, error: null });
    } catch (e) {
      if (!isMemberkitError(e)) throw e;
      gifts.push({ templateId, coupon: null, error: { code: e.code, message: e.message } });
    }
  }
  return gifts;
}
