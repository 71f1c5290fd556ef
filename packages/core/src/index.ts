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
