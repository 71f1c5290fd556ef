/**
 * Every error code memberkit raises, grouped by area. Codes are stable API:
 * callers branch on them, the HTTP layer maps them to status codes, and the
 * locale tables translate them. Add a code here before raising it.
 *
 * @example
 * ```ts
 * import { ERROR_CODES } from '@memberkit/core';
 * ERROR_CODES.includes('invalid_event');
 * //=> true
 * ```
 */
export const ERROR_CODES = [
  // input and configuration
  'invalid_input',
  'invalid_event',
  'invalid_config',
  'invalid_identifier',
  'invalid_phone',
  'invalid_email',
  'invalid_money',
  'currency_mismatch',
  // store and requests
  'not_found',
  'duplicate_request',
  'idempotency_conflict',
  'conflict',
  // identity
  'merge_conflict',
  'merge_not_found',
  'profile_erased',
  // loyalty: points, tiers, coupons, benefits
  'insufficient_points',
  'points_policy_violation',
  'order_not_found',
  'refund_exceeds_order',
  'untrusted_source',
  'tier_not_found',
  'coupon_not_found',
  'coupon_expired',
  'coupon_not_started',
  'coupon_used',
  'coupon_locked',
  'coupon_void',
  'coupon_limit_reached',
  'coupon_not_applicable',
  'coupon_not_stackable',
  'min_spend_not_met',
  // analytics
  'not_converged',
  'insufficient_data',
  'invalid_csv',
] as const;

/**
 * A stable, snake_case identifier for a kind of failure.
 *
 * @example
 * ```ts
 * import type { MemberkitErrorCode } from '@memberkit/core';
 * const code: MemberkitErrorCode = 'coupon_expired';
 * ```
 */
export type MemberkitErrorCode = (typeof ERROR_CODES)[number];
