import { z } from 'zod';
import { MemberkitError } from '../errors/memberkitError.ts';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import { eventContextSchema, eventPropertySchemas, identifiersSchema, timestampSchema, traitsSchema } from './eventSchema.ts';
import { EVENT_TYPES, type EventType } from './eventTypes.ts';
import { fastParseEvent, fastParseEventForStore } from './fastParseEvent.ts';

const envelopeBase = {
  /** Message id, unique per event: retries reuse it and the store dedupes on it (R-EVT-4). */
  id: z.string().trim().min(1).max(200),
  timestamp: timestampSchema,
  anonymousId: z.string().trim().min(1).max(200).optional(),
  userId: z.string().trim().min(1).max(200).optional(),
  identifiers: identifiersSchema.optional(),
  traits: traitsSchema.optional(),
  context: eventContextSchema.optional(),
  /** `server` for events the merchant's backend reports (trusted), `client` for browser / mini-program events. */
  source: z.enum(['client', 'server']).default('client'),
};

const variants = EVENT_TYPES.map((type) =>
  z.object({ ...envelopeBase, type: z.literal(type), properties: eventPropertySchemas[type] }).strict(),
) as unknown as [z.ZodObject, ...z.ZodObject[]];

// parseEvent dispatches on `type` itself: one object schema per event instead
// of the union, which is measurably faster on the ingest hot path.
const variantByType = new Map<string, z.ZodObject>(EVENT_TYPES.map((type, i) => [type, variants[i]!]));

/**
 * The zod schema of a canonical event envelope, discriminated on `type`.
 * Use {@link parseEvent} at boundaries: it also checks that the event names
 * somebody.
 *
 * @example
 * ```ts
 * import { memberkitEventSchema } from '@memberkit/core';
 * memberkitEventSchema.safeParse({ id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} }).success;
 * //=> true
 * ```
 */
export const memberkitEventSchema = z.discriminatedUnion('type', variants);

type PropsOf<T extends EventType> = z.output<(typeof eventPropertySchemas)[T]>;

/**
 * A validated canonical event: `timestamp` in epoch milliseconds, `properties`
 * typed by `type`.
 *
 * @example
 * ```ts
 * import type { MemberkitEvent } from '@memberkit/core';
 * const e: MemberkitEvent<'products_searched'> = { id: 'e1', type: 'products_searched', timestamp: 0, anonymousId: 'a1', source: 'client', properties: { query: '奶粉' } };
 * ```
 */
export type MemberkitEvent<T extends EventType = EventType> = {
  [K in T]: {
    id: string;
    type: K;
    timestamp: number;
    anonymousId?: string | undefined;
    userId?: string | undefined;
    identifiers?: z.output<typeof identifiersSchema> | undefined;
    traits?: z.output<typeof traitsSchema> | undefined;
    context?: z.output<typeof eventContextSchema> | undefined;
    source: 'client' | 'server';
    properties: PropsOf<K>;
  };
}[T];

/**
 * What callers pass in: like {@link MemberkitEvent} but `timestamp` may be an
 * ISO string or a Date and `source` may be omitted.
 *
 * @example
 * ```ts
 * import type { MemberkitEventInput } from '@memberkit/core';
 * const e: MemberkitEventInput = { id: 'e1', type: 'signed_in', timestamp: '2026-01-01T00:00:00Z', userId: 'u1', properties: {} };
 * ```
 */
export type MemberkitEventInput = z.input<typeof memberkitEventSchema>;

/**
 * Validates one event at a boundary (R-EVT-4) and returns it normalised, or
 * throws a {@link MemberkitError} with code `invalid_event` naming the field.
 * Common shapes are checked by a hand-written fast path
 * ({@link fastParseEvent}); anything it is unsure of goes through the zod
 * schema, which also words the errors.
 *
 * @example
 * ```ts
 * import { parseEvent } from '@memberkit/core';
 * parseEvent({ id: 'e1', type: 'products_searched', timestamp: '2026-01-01T08:00:00Z', anonymousId: 'a1', properties: { query: 'diapers' } }).timestamp;
 * //=> 1767254400000
 * ```
 */
export function parseEvent(input: unknown): MemberkitEvent {
  return namesSomebody(fastParseEvent(input) ?? parseWithSchema(input));
}

/**
 * {@link parseEvent} for ingest, which stores the event it gets back: on the
 * fast path the event already has its `profileId` key (empty until ingest
 * sets it; see {@link fastParseEventForStore}). Same validation, same errors.
 *
 * @example
 * ```ts
 * import { parseEventForStore } from './memberkitEvent.ts';
 * parseEventForStore({ id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} }).userId;
 * //=> 'u1'
 * ```
 */
export function parseEventForStore(input: unknown): MemberkitEvent {
  return namesSomebody(fastParseEventForStore(input) ?? parseWithSchema(input));
}

function namesSomebody(event: MemberkitEvent): MemberkitEvent {
  const ids = event.identifiers;
  if (event.userId === undefined && event.anonymousId === undefined && (ids === undefined || Object.values(ids).every((v) => v === undefined))) {
    throw new MemberkitError('invalid_event', 'An event must carry a userId, an anonymousId or an identifier', {
      field: 'userId',
      issues: [{ path: ['userId'], field: 'userId', code: 'custom', message: 'userId, anonymousId or identifiers required' }],
    });
  }
  return event;
}

function parseWithSchema(input: unknown): MemberkitEvent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MemberkitError('invalid_event', 'An event must be an object', { field: '', issues: [{ path: [], field: '', code: 'invalid_type', message: 'expected an object' }] });
  }
  const type = (input as { type?: unknown }).type;
  const schema = typeof type === 'string' ? variantByType.get(type) : undefined;
  if (!schema) {
    throw new MemberkitError('invalid_event', `Unknown event type ${JSON.stringify(type)}; expected one of ${EVENT_TYPES.join(', ')}`, {
      field: 'type',
      issues: [{ path: ['type'], field: 'type', code: 'invalid_value', message: 'unknown event type' }],
    });
  }
  return parseOrThrow(schema, input, 'invalid_event', 'event') as MemberkitEvent;
}
