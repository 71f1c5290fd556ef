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
