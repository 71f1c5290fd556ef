// Public API of @memberkit/core, exported by name so that what is public is a
// deliberate choice. Grouped by area.

// errors
export { ERROR_CODES, type MemberkitErrorCode } from './errors/errorCodes.ts';
export { MemberkitError, isMemberkitError, type MemberkitIssue, type MemberkitErrorOptions } from './errors/memberkitError.ts';
export { parseOrThrow, toMemberkitIssues } from './errors/parseOrThrow.ts';
export { localizeError, type MemberkitLocale } from './errors/localizeError.ts';
export { zhCN } from './errors/locales/zhCN.ts';

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

// identity and profiles
export { normalizePhone, type NormalizePhoneOptions } from './identity/normalizePhone.ts';
export { normalizeIdentifier, type NormalizeIdentifierOptions } from './identity/normalizeIdentifier.ts';
export { IDENTIFIER_PRECEDENCE, UNIQUE_IDENTIFIER_KINDS, identitiesCompatible } from './identity/identityPolicy.ts';
export { eventIdentifiers, type Identifier } from './identity/eventIdentifiers.ts';
export { mergeProfiles, pickSurvivor } from './identity/mergeProfiles.ts';
export { unmergeProfiles } from './identity/unmergeProfiles.ts';
export type { Profile, ProfileIdentity, ProfileTraits, TagAssignment, StoredEvent, MergeRecord } from './profile/profile.ts';
export type { MemberkitContext } from './profile/memberkitContext.ts';
export { ingestEvent, ingestBatch, type IngestResult, type BatchItemResult } from './profile/ingestEvent.ts';
export { orderStats, type OrderStats } from './profile/orderStats.ts';
export { sourceTouch, type SourceTouch } from './profile/sourceTouch.ts';
export { profileView, type ProfileView } from './profile/profileView.ts';
export { liveProfile } from './profile/liveProfile.ts';
export type { ProfileStore, ProfileStoreReader, ProfileStoreWriter } from './ports/profileStore.ts';
export { memoryStore } from './store/memoryStore.ts';
export { createMemberkit, type Memberkit, type MemberkitOptions } from './createMemberkit.ts';

// tags and segments
export { conditionSchema, fieldConditionSchema, eventConditionSchema, windowSchema, type Condition } from './segments/condition.ts';
export { evaluateCondition } from './segments/evaluateCondition.ts';
export { conditionSubject, type ConditionSubject } from './segments/conditionSubject.ts';
export { compileCondition, type CompiledCondition } from './segments/compileCondition.ts';
export { anyValueAt, sumAt, valueAt, type Scalar } from './segments/propertyPath.ts';
export { defineRuleTag, defineSegment, type RuleTag, type Segment } from './segments/ruleDefinition.ts';
export { applyRules, NO_RULE_CHANGES, type RuleChanges } from './segments/applyRules.ts';
export { ruleTriggers } from './segments/ruleTriggers.ts';
export { evaluateAll, type BatchEvaluation } from './segments/evaluateAll.ts';
export { tagProfile, untagProfile, type ManualTagInput } from './tags/manualTags.ts';
// event mappings
export {
  SEGMENT_TRACK_EVENT_NAMES,
  SEGMENT_EXTERNAL_ID_TYPES,
  segmentCallFor,
  eventTypeFromSegment,
  type SegmentTrackEventType,
  type SegmentCall,
} from './events/segmentEventNames.ts';
export { toSegmentMessage, type SegmentMessage, type SegmentProduct, type SegmentExternalId } from './events/toSegmentMessage.ts';
export { fromSegmentMessage, type FromSegmentMessageOptions } from './events/fromSegmentMessage.ts';
export { GA4_EVENT_NAMES, GA4_CUSTOM_EVENT_TYPES, eventTypeFromGa4 } from './events/ga4EventNames.ts';
export { toGa4Event, GA4_USER_CLIENT_ID_PREFIX, type Ga4Payload, type Ga4Event, type Ga4Item } from './events/toGa4Event.ts';
export { fromGa4Event, type FromGa4EventOptions } from './events/fromGa4Event.ts';
// rfm
export { computeRfm, type RfmRow } from './rfm/computeRfm.ts';
export { computeRfmColumns, type RfmInput, type RfmScores } from './rfm/computeRfmColumns.ts';
export type { RfmOrder } from './rfm/aggregateOrders.ts';
export type { RfmOrderColumns } from './rfm/aggregateOrderColumns.ts';
export type { RfmCustomerTotals } from './rfm/rfmCustomerTotals.ts';
export { readRfmCsv, type RfmCsvOptions } from './rfm/readRfmCsv.ts';
export type { RfmOptions, RfmMethod } from './rfm/rfmOptions.ts';
export { ntileScores } from './rfm/ntileScores.ts';
export { rfmBreakpoints } from './rfm/rfmBreakpoints.ts';
export { rfmSegmentRuleSchema, compileRfmSegments, rfmCellIndex, type RfmSegmentRule, type CompiledRfmSegments } from './rfm/rfmSegmentRule.ts';
export { validateSegments, type RfmSegmentReport } from './rfm/validateSegments.ts';
export { defaultRfmSegments } from './rfm/defaultRfmSegments.ts';
export { rfmPackageSegments } from './rfm/rfmPackageSegments.ts';
export { refreshRfm, type ProfileRfm } from './rfm/refreshRfm.ts';
// clv
export { logGamma, gammaSign } from './math/logGamma.ts';
export { digamma } from './math/digamma.ts';
export { logBeta } from './math/logBeta.ts';
export { logAddExp, logSumExp, logSubExp } from './math/logSumExp.ts';
export { hyp2f1 } from './math/hyp2f1.ts';
export { minimizeBfgs, type Objective, type BfgsOptions, type BfgsResult } from './math/minimizeBfgs.ts';
export { hessian, numericGradient, type GradientFunction } from './math/hessian.ts';
export { invertSymmetric } from './math/invertSymmetric.ts';
export { sampleGamma } from './math/sampleGamma.ts';
export type { CustomerRow, FitOptions, FitDiagnostics, TransactionModel } from './clv/transactionModel.ts';
export { fitBgNbd, bgNbdModel, type BgNbdParams } from './clv/bgNbd.ts';
export { simulateBgNbd, type SimulateBgNbdOptions } from './clv/simulateBgNbd.ts';
export { fitModifiedBgNbd, modifiedBgNbdModel } from './clv/modifiedBgNbd.ts';
export { fitParetoNbd, paretoNbdModel, type ParetoNbdParams } from './clv/paretoNbd.ts';
export { gaussLegendre, integrate } from './math/gaussLegendre.ts';
export { fitBgBb, bgBbModel, type BgBbParams, type BgBbRow } from './clv/bgBb.ts';
export { fitShiftedBetaGeometric, type ShiftedBetaGeometricParams, type ShiftedBetaGeometricModel } from './clv/shiftedBetaGeometric.ts';
export { fitGammaGamma, gammaGammaModel, type SpendRow, type GammaGammaParams, type SpendModel } from './clv/gammaGamma.ts';
export { customerLifetimeValue, type ValueRow, type LifetimeValueOptions, type CustomerValue } from './clv/customerLifetimeValue.ts';
export { summarizeCustomers, type CustomerTransaction, type SummarizeOptions, type CustomerSummary } from './clv/summarizeCustomers.ts';
export { hyp2f1WithDerivatives } from './math/hyp2f1WithDerivatives.ts';
// analytics
export {
  associationRules,
  type AssociationRule,
  type AssociationRuleOptions,
  type AssociationRuleResult,
  type FrequentItemset,
} from './analytics/basket/associationRules.ts';
export { filterRedundantRules } from './analytics/basket/filterRedundantRules.ts';
export { recommend, type Recommendation, type RecommendOptions } from './analytics/basket/recommend.ts';
export type { OrderRecord } from './analytics/orderRecord.ts';
export {
  churnDataset,
  CHURN_FEATURES,
  type ChurnDataset,
  type ChurnDatasetOptions,
  type EngagementRecord,
} from './analytics/churn/churnDataset.ts';
export { fitLogisticRegression, type LogisticModel, type LogisticOptions } from './analytics/churn/fitLogisticRegression.ts';
export { fitChurnModel, evaluateChurnScores, type ChurnModel, type ChurnFeatures } from './analytics/churn/fitChurnModel.ts';
export { splitChurnDataset } from './analytics/churn/splitChurnDataset.ts';
export { rocAuc } from './analytics/churn/rocAuc.ts';
export { calibrationTable, type CalibrationBin } from './analytics/churn/calibrationTable.ts';
export type { TimeWindow } from './analytics/timeWindow.ts';
export { salesKpis, type SalesKpis, type ChannelShare } from './analytics/kpi/salesKpis.ts';
export { repurchaseRate } from './analytics/kpi/repurchaseRate.ts';
export { cohortRetention, type CohortRow } from './analytics/kpi/cohortRetention.ts';
export { newCustomerConversion, type SignupRecord } from './analytics/kpi/newCustomerConversion.ts';
export { couponRedemptionRate } from './analytics/kpi/couponRedemptionRate.ts';
export { campaignRoi, type CampaignInput } from './analytics/kpi/campaignRoi.ts';
export type { StepEvent } from './analytics/funnel/stepEvent.ts';
export { funnelReport, type FunnelStep } from './analytics/funnel/funnelReport.ts';
export { topPaths } from './analytics/funnel/topPaths.ts';
export type { ProductEventRecord } from './analytics/demand/productEventRecord.ts';
export { abandonedCartProducts, type AbandonedProduct } from './analytics/demand/abandonedCartProducts.ts';
export { risingViews, type RisingProduct } from './analytics/demand/risingViews.ts';
export {
  segmentAssortment,
  type SegmentSaleRecord,
  type SegmentGrowth,
  type CategoryGap,
} from './analytics/assortment/segmentAssortment.ts';
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
export { runIdempotent } from './coupons/runIdempotent.ts';
export { type CouponWalletInputs } from './coupons/couponWalletInputs.ts';
export { type CouponRedemptionResult } from './coupons/checkoutCoupons.ts';
export { createCouponWallet, type CouponWallet, type CouponWalletOptions } from './coupons/couponWallet.ts';
export { type CouponStore, type IssueLimits, type InsertCouponResult, type BeginRequestResult } from './ports/couponStore.ts';
export { memoryCouponStore } from './ports/memoryCouponStore.ts';

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
export { requestFingerprint } from './idempotency/requestFingerprint.ts';
export { createLoyaltyEngine, type LoyaltyEngine, type LoyaltyEngineOptions, type LoyaltyResult } from './program/loyaltyEngine.ts';
export { simulate, type SimulationEvent, type SimulationResult } from './program/simulate.ts';
export type { LoyaltyStore, MemberLoyaltyRecord, MemberChange, IdempotencyRecord, CommitOutcome } from './ports/loyaltyStore.ts';
export { applyMemberChange, emptyMemberRecord, type MutableMemberRecord } from './ports/applyMemberChange.ts';
export { memoryLoyaltyStore, cloneMemberRecord, type MemoryLoyaltyStoreOptions } from './ports/memoryLoyaltyStore.ts';
export { ENTRY_KINDS, entryEffect, type EntryKind, type LedgerEntry } from './points/ledgerEntry.ts';
export { debtLotId, lotWithRemainders, type PointsLot } from './points/pointsLot.ts';
export { blankPointsOrderRecord, changedOrderRecord, type OrderRecordChanges, type PointsOrderRecord, type PointsOrderLine } from './points/pointsOrderRecord.ts';
export { MemberDraft } from './points/memberDraft.ts';
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

// loyalty engine speed and gifts (ledgerspeed): sync store access, hand-checked fast input paths, birthday gift coupons
export type { SyncLoyaltyStore } from './ports/loyaltyStore.ts';
export { blankMemberRecord } from './ports/blankMemberRecord.ts';
export { inputChecks } from './program/inputChecks.ts';
export { fastLoyaltyInput, type LoyaltyInputKind } from './program/fastLoyaltyInput.ts';
export { issueBirthdayGift, birthdayGiftKey, type BirthdayGift } from './benefits/issueBirthdayGift.ts';

// ingest speed: synchronous transactions for in-process stores, bodies written once as steps
export type { ProfileStoreSyncWriter } from './ports/profileStore.ts';
export { isPending, runTransactionSteps, runTransactionStepsEach, runStepsAsync, runStepsSync, type AnyStoreWriter, type TransactionSteps } from './ports/runTransactionSteps.ts';
export { mergeProfileSteps, type MergeContext } from './identity/mergeProfiles.ts';
export { applyEventSteps, type PreparedEvent } from './profile/applyEventSteps.ts';
export { fastParseEvent } from './events/fastParseEvent.ts';
export { eventMatcher, type EventMatch } from './segments/eventMatcher.ts';
export { ruleAffectedBy, ruleAffectedByEvent, ruleAffectedTypes } from './segments/ruleAffectedBy.ts';
export { compileRules, ruleNeedsEvaluation, type CompiledRule, type CompiledRules } from './segments/compileRules.ts';

// loyalty ledger speed (ledgerfast): typed command fingerprints
export { commandFingerprint } from './idempotency/commandFingerprint.ts';

// loyalty ledger speed (loyaltyspeed): compact per-member collections of the memory store
export { CompactMap } from './ports/compactMap.ts';
export { CompactSet } from './ports/compactSet.ts';

// loyalty ledger speed (loy): drafts committed directly into an in-process store
export type { DirectChange } from './ports/loyaltyStore.ts';
export { lotTransition, nextLotTransition } from './ports/lotTransition.ts';
export { EntryLog } from './ports/entryLog.ts';
export { LedgerColumns } from './ports/ledgerColumns.ts';
export { StoredMemberRecord } from './ports/storedMemberRecord.ts';
export { IdempotencyIndex } from './ports/idempotencyIndex.ts';
