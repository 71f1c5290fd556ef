import type { MemberkitErrorCode } from '../errors/errorCodes.ts';
import { MemberkitError } from '../errors/memberkitError.ts';

/**
 * Why a code does not apply to an order. `reason` is a stable error code
 * (`coupon_expired`, `min_spend_not_met` …) with structured `details`
 * (e.g. `{ minSpend: 20000, currency: 'CNY' }`) so a UI can explain it in the
 * member's language through `localizeError`.
 *
 * @example
 * ```ts
 * import type { CouponRejection } from '@memberkit/core';
 * const r: CouponRejection = { code: 'CPN1', reason: 'min_spend_not_met', message: 'needs 20000 CNY of eligible items, has 15000', details: { minSpend: 20000, currency: 'CNY' } };
 * ```
 */
export interface CouponRejection {
  /** The coupon code as given. */
  readonly code: string;
  readonly reason: MemberkitErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * The {@link MemberkitError} for a rejection, for callers that must fail
 * (redeem) rather than report (quote).
 *
 * @example
 * ```ts
 * import { rejectionError, localizeError } from '@memberkit/core';
 * localizeError(rejectionError({ code: 'CPN1', reason: 'coupon_used', message: 'already used', details: {} }), 'zh-CN');
 * //=> '优惠券已使用'
 * ```
 */
export function rejectionError(rejection: CouponRejection): MemberkitError {
  return new MemberkitError(rejection.reason, `coupon ${rejection.code}: ${rejection.message}`, {
    field: 'codes',
    details: { ...rejection.details, code: rejection.code },
  });
}
