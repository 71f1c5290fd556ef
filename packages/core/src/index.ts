// Public API of @memberkit/core, exported by name so that what is public is a
// deliberate choice. Grouped by area.

// errors
export { ERROR_CODES, type MemberkitErrorCode } from './errors/errorCodes.ts';
export { MemberkitError, isMemberkitError, type MemberkitIssue, type MemberkitErrorOptions } from './errors/memberkitError.ts';
export { parseOrThrow, toMemberkitIssues } from './errors/parseOrThrow.ts';
export { localizeError, type MemberkitLocale } from './errors/localizeError.ts';

// ports
export { systemClock, manualClock, type Clock, type ManualClock } from './ports/clock.ts';
export { seededRandom, type RandomSource } from './ports/random.ts';
export { sequentialIds, randomIds, type IdGenerator } from './ports/idGenerator.ts';

// money
export { currencySchema, minorUnitsSchema, moneySchema, currencyExponent, toMajorUnits, toMinorUnits, type Money } from './money/currency.ts';

// events
export { EVENT_TYPES, SERVER_ONLY_EVENTS, IDENTIFIER_KINDS, CHANNELS, type EventType, type IdentifierKind, type Channel } from './events/eventTypes.ts';
export {
  timestampSchema,
  lineItemSchema,
  identifiersSchema,
  traitsSchema,
  utmSchema,
  eventContextSchema,
  eventPropertySchemas,
} from './events/eventSchema.ts';
export { memberkitEventSchema, parseEvent, type MemberkitEvent, type MemberkitEventInput } from './events/memberkitEvent.ts';

// coupons
export {
  couponTemplateSchema,
  parseCouponTemplate,
  percentOffBasisPoints,
  type CouponTemplate,
  type CouponTemplateInput,
  type CouponBenefit,
} from './coupons/couponTemplate.ts';
export { COUPON_STATES, couponSourceSchema, type CouponState, type CouponSource, type CouponLock, type CouponRedemption, type WalletCoupon } from './coupons/walletCoupon.ts';
export { couponWindow, effectiveCouponState } from './coupons/couponValidity.ts';
export { couponOrderSchema, type CouponOrder, type CouponOrderInput } from './coupons/couponOrder.ts';
export { isLineEligible, type EligibilityLine } from './coupons/isLineEligible.ts';
export { couponLevel, compareApplicationOrder, type CouponLevel } from './coupons/couponLevel.ts';
export { mulDivRound, type IntegerRounding } from './coupons/mulDivRound.ts';
export { spreadDiscount } from './coupons/spreadDiscount.ts';
export { couponDiscount, type PricedLine, type CouponOutcome } from './coupons/couponDiscount.ts';
export { selectStackable, type StackingCandidate } from './coupons/selectStackable.ts';
export { couponUnusableReason, type UnusableReason } from './coupons/couponUnusableReason.ts';
export { rejectionError, type CouponRejection } from './coupons/couponRejection.ts';
export { quoteCoupons, type ThresholdMode, type CouponQuote, type AppliedCoupon, type QuotedLine, type QuoteCandidate } from './coupons/quoteCoupons.ts';
export { requestFingerprint } from './coupons/requestFingerprint.ts';
export { runIdempotent } from './coupons/runIdempotent.ts';
export { type CouponWalletInputs } from './coupons/couponWalletInputs.ts';
export { type CouponRedemptionResult } from './coupons/checkoutCoupons.ts';
export { createCouponWallet, type CouponWallet, type CouponWalletOptions } from './coupons/couponWallet.ts';
export { type CouponStore, type IssueLimits, type InsertCouponResult, type BeginRequestResult } from './ports/couponStore.ts';
export { memoryCouponStore } from './ports/memoryCouponStore.ts';
