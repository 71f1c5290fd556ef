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

// loyalty
export { defineProgram } from './program/defineProgram.ts';
export {
  programSchema,
  tierBenefitsSchema,
  LOYALTY_ACTIONS,
  type LoyaltyAction,
  type LoyaltyProgram,
  type LoyaltyProgramInput,
  type TierBenefits,
} from './program/programSchema.ts';
export { programCalendar, type ProgramCalendar } from './program/programCalendar.ts';
export { loyaltyInputSchemas } from './program/loyaltyInputSchemas.ts';
export { requestFingerprint } from './program/requestFingerprint.ts';
export { createLoyaltyEngine, type LoyaltyEngine, type LoyaltyEngineOptions, type LoyaltyResult } from './program/loyaltyEngine.ts';
export { simulate, type SimulationEvent, type SimulationResult } from './program/simulate.ts';
export type { LoyaltyStore, MemberLoyaltyRecord, MemberChange, IdempotencyRecord, CommitOutcome } from './ports/loyaltyStore.ts';
export { applyMemberChange, emptyMemberRecord, type MutableMemberRecord } from './ports/applyMemberChange.ts';
export { memoryLoyaltyStore, cloneMemberRecord, type MemoryLoyaltyStoreOptions } from './ports/memoryLoyaltyStore.ts';
export { ENTRY_KINDS, entryEffect, type EntryKind, type LedgerEntry } from './points/ledgerEntry.ts';
export { debtLotId, lotWithRemainders, type PointsLot } from './points/pointsLot.ts';
export { blankOrderRecord, type OrderRecord, type OrderLineRecord } from './points/orderRecord.ts';
export { MemberDraft } from './points/memberDraft.ts';
export { allocateProportionally, scaleFloor } from './points/allocateProportionally.ts';
export { lotExpiry } from './points/lotExpiry.ts';
export { settleDue } from './points/settleDue.ts';
export { balanceAt, lotAt, type PointsBalance } from './points/balanceAt.ts';
export { spendableLots, consumeLots, type LotAllocation } from './points/consumeLots.ts';
export { orderEarning, type EarningOrder, type OrderEarning } from './points/orderEarning.ts';
export { applyOrder, assertTrustedOrderEvent, type OrderPointsResult } from './points/applyOrder.ts';
export { applyRefund, type RefundPointsResult } from './points/applyRefund.ts';
export { applyRedemption, type RedeemInput, type RedemptionResult } from './points/applyRedemption.ts';
export { applyAdjustment, type AdjustInput, type AdjustmentResult } from './points/applyAdjustment.ts';
export { applyAction, type ActionInput, type ActionResult } from './points/applyAction.ts';
export { explainBalance, type BalanceExplanation } from './points/explainBalance.ts';
export { verifyLedger, type LedgerCheck } from './points/verifyLedger.ts';
export type { GrowthEntry } from './tiers/growthEntry.ts';
export type { TierState, TierChange, TierOverride } from './tiers/tierState.ts';
export { tierMetric, tierWindowStart } from './tiers/tierMetric.ts';
export { effectiveTier } from './tiers/effectiveTier.ts';
export { evaluateTier, tierPeriodEnd } from './tiers/evaluateTier.ts';
export { applyTierOverride, type TierOverrideInput } from './tiers/applyTierOverride.ts';
export { growthTree, type GrowthTree } from './tiers/growthTree.ts';
export { resolveBenefits, type ResolvedBenefits } from './benefits/resolveBenefits.ts';
