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
