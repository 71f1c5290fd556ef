import { eventContextSchema, eventPropertySchemas } from './eventSchema.ts';
import type { EventType } from './eventTypes.ts';
import type { MemberkitEvent } from './memberkitEvent.ts';
import { fastChecks } from './fastChecks.ts';
import { ORDER_PROPERTY_KEYS, orderCompletedProperties, orderRefundedProperties } from './orderPropertyReaders.ts';

// A hand-written validator for the shapes events usually have, about ten
// times faster than the zod schemas. It answers only when it is sure: any
// doubt (unknown or undefined-valued keys, ISO timestamps, untrimmed ids,
// page vitals …) returns NO and the caller runs the zod schema, which also
// gives the error with its issues. A property test checks that whatever this
// accepts zod accepts with the same output.

const NO = undefined;
/** Returns the output value, or `undefined` to give up. */
type Check = (v: unknown) => unknown;
type Shape = Readonly<Record<string, Check>>;

const { own, isPlain, id, str, money, positiveInt, currency, rating, gender, array } = fastChecks;

// Optional keys are listed with `?`; absent keys stay absent, as in zod.
// With `strips` (the zod schema is a plain object with exactly these keys),
// unknown keys are dropped as zod drops them; otherwise any gives up.
//
// One for-in pass reads the keys the object has (V8 reads `v[key]` there
// straight from the enum cache, no property lookup), each value is checked
// into a scratch slot by the key's position in the spec, and the output is
// then built in spec order, as zod builds it. A key the pass did not see is
// absent only if `in` says so too: a non-enumerable or inherited value, which
// zod would read, gives up.
function object(spec: Readonly<Record<string, Check>>, strips = false): Check {
  const names = Object.keys(spec);
  const keys = names.map((k) => k.replace(/\?$/, ''));
  const optional = names.map((k) => k.endsWith('?'));
  const checks = names.map((k) => spec[k]!);
  const slotOf = new Map(keys.map((k, i) => [k, i]));
  // The slots are reused from call to call (events are checked one at a
  // time); a getter that re-enters while they are taken gets its own.
  let spare: unknown[] | undefined;
  const read = (v: Record<string, unknown>, found: unknown[]): unknown => {
    for (const key in v) {
      if (!own(v, key)) return NO;
      const at = slotOf.get(key);
      if (at === undefined) {
        if (strips) continue;
        return NO;
      }
      if ((found[at] = checks[at]!(v[key])) === NO) return NO;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = found[i];
      if (value !== NO) out[keys[i]!] = value;
      else if (!optional[i] || keys[i]! in v) return NO;
    }
    return out;
  };
  return (v) => {
    if (!isPlain(v)) return NO;
    // Checks never answer `undefined` for a value they accept: an empty slot.
    const found = spare ?? new Array<unknown>(keys.length);
    spare = undefined;
    const out = read(v, found);
    found.fill(NO);
    spare = found;
    return out;
  };
}

const lineItem = { productId: id, 'sku?': id, 'name?': str(500), 'category?': str(200), 'brand?': str(200), price: money, quantity: positiveInt, 'discount?': money };
const lineItems = (min: number): Check => array(object(lineItem), min, 1000);
const product = { productId: id, 'category?': str(200) };

const PROPERTY_SPECS: Readonly<Record<Exclude<EventType, keyof typeof ORDER_PROPERTY_KEYS>, Shape>> = {
  // Pages with vitals or errors take the zod path.
  page_viewed: { 'url?': str(4000), 'path?': str(2000), 'title?': str(500), 'dwellMs?': money },
  product_viewed: { productId: id, 'sku?': id, 'name?': str(500), 'category?': str(200), 'brand?': str(200), 'price?': money, 'currency?': currency, 'dwellMs?': money },
  product_list_viewed: { 'listId?': str(200), 'category?': str(200), 'productIds?': array(id, 0, 500) },
  products_searched: { query: str(500) },
  product_favorited: product,
  product_unfavorited: product,
  product_added: { ...lineItem, 'cartId?': str(200), currency },
  product_removed: { ...lineItem, 'cartId?': str(200), currency },
  checkout_started: { 'checkoutId?': str(200), 'orderId?': id, currency, 'total?': money, 'products?': lineItems(0) },
  checkout_step_completed: { 'checkoutId?': str(200), step: positiveInt, 'option?': str(200) },
  // order_completed and order_refunded: read by hand (orderPropertyReaders.ts).
  product_reviewed: { productId: id, 'reviewId?': str(200), 'rating?': rating },
  product_shared: { 'productId?': id, 'shareVia?': str(100), 'url?': str(4000) },
  signed_in: { 'method?': str(100) },
  signed_up: { 'method?': str(100) },
  store_visited: { storeId: str(100), 'guideId?': str(100), 'note?': str(2000) },
  coupon_claimed: { 'couponId?': str(200), 'templateId?': str(200), 'code?': str(100) },
  coupon_used: { 'couponId?': str(200), 'code?': str(100), 'orderId?': id, 'discount?': money, 'currency?': currency },
  identified: {},
};

// Whether zod strips unknown keys of this property object and declares exactly
// the keys the fast check knows (`?` marks an optional one; a page view's vitals it does not know).
function stripsLike(schema: unknown, keys: readonly string[]): boolean {
  const def = (schema as { _zod?: { def?: { shape?: object; catchall?: unknown } } })._zod?.def;
  if (def?.shape === undefined || def.catchall !== undefined) return false;
  const ours = keys.map((k) => k.replace(/\?$/, ''));
  const theirs = Object.keys(def.shape);
  return ours.length === theirs.length && theirs.every((k) => ours.includes(k));
}

// Order events, the loyalty engine's hot input, have readers written out by hand.
const PROPERTIES = {
  ...Object.fromEntries(Object.entries(PROPERTY_SPECS).map(([type, spec]) => [type, object(spec, stripsLike(eventPropertySchemas[type as EventType], Object.keys(spec)))])),
  order_completed: orderCompletedProperties(stripsLike(eventPropertySchemas.order_completed, ORDER_PROPERTY_KEYS.order_completed)),
  order_refunded: orderRefundedProperties(stripsLike(eventPropertySchemas.order_refunded, ORDER_PROPERTY_KEYS.order_refunded)),
} as Readonly<Record<EventType, Check>>;

const identifiers = object({ 'phone?': str(40), 'email?': str(320), 'memberCardNo?': str(64), 'openid?': str(128), 'unionid?': str(128) });

const TRAIT_KEYS: Shape = { name: str(200), gender, region: str(200), city: str(200) };
function traits(v: unknown): unknown {
  if (!isPlain(v)) return NO;
  const out: Record<string, unknown> = {};
  // zod lists the declared keys first, then the others in input order.
  for (const key in TRAIT_KEYS) {
    if (!own(v, key)) continue;
    const value = TRAIT_KEYS[key]!(v[key]);
    if (value === NO) return NO;
    out[key] = value;
  }
  for (const key in v) {
    if (own(TRAIT_KEYS, key)) continue;
    const x = v[key];
    // Birthdays (ISO dates) take the zod path.
    if (key === 'birthday' || x === undefined) return NO;
    if (typeof x === 'string' ? x.length > 2000 : typeof x === 'number' ? !Number.isFinite(x) : typeof x !== 'boolean' && x !== null) return NO;
    out[key] = x;
  }
  return out;
}

function context(v: unknown): unknown {
  // Rarer and wide: checked by its zod schema alone (still far cheaper than
  // the whole event); a failure takes the zod path for the full error.
  const r = eventContextSchema.safeParse(v);
  return r.success ? r.data : NO;
}

/**
 * Validates an event the fast way, or answers `undefined` when it cannot
 * vouch for it (then run the zod schema: {@link parseEvent} does both).
 * What it returns equals what `memberkitEventSchema` returns, key order
 * included; it never accepts what the schema rejects.
 *
 * @example
 * ```ts
 * import { fastParseEvent } from '@memberkit/core';
 * fastParseEvent({ id: 'e1', type: 'products_searched', timestamp: 0, anonymousId: 'a1', properties: { query: '奶粉' } })?.source;
 * //=> 'client'
 * fastParseEvent({ id: 'e1', type: 'products_searched', timestamp: '2026-01-01T00:00:00Z', anonymousId: 'a1', properties: { query: '奶粉' } });
 * //=> undefined
 * ```
 */
export function fastParseEvent(input: unknown): MemberkitEvent | undefined {
  return fastParse(input, false);
}

/**
 * {@link fastParseEvent} for ingest: the event comes back with a trailing
 * `profileId: ''` slot that ingest fills in before storing it, so the stored
 * event is the object literal as built, every field held in the object
 * itself (adding the key afterwards would give each stored event a separate
 * property array and walk it through another shape).
 *
 * @example
 * ```ts
 * import { fastParseEventForStore } from './fastParseEvent.ts';
 * fastParseEventForStore({ id: 'e1', type: 'products_searched', timestamp: 0, anonymousId: 'a1', properties: { query: '奶粉' } })?.profileId;
 * //=> ''
 * ```
 */
export function fastParseEventForStore(input: unknown): (MemberkitEvent & { profileId: string }) | undefined {
  return fastParse(input, true) as (MemberkitEvent & { profileId: string }) | undefined;
}

// The envelope as one literal for the usual sets of keys (zod's key order:
// id, timestamp, anonymousId, userId, identifiers, traits, context, source,
// type, properties), else built key by key.
function envelope(
  id: unknown,
  timestamp: unknown,
  anonymousId: unknown,
  userId: unknown,
  ids: unknown,
  traitValues: unknown,
  contextValue: unknown,
  source: unknown,
  type: unknown,
  properties: unknown,
  slot: boolean,
): Record<string, unknown> {
  if (contextValue === NO && ids === NO && traitValues === NO && anonymousId !== NO) {
    if (userId === NO) {
      if (slot) return { id, timestamp, anonymousId, source, type, properties, profileId: '' };
      return { id, timestamp, anonymousId, source, type, properties };
    }
    if (slot) return { id, timestamp, anonymousId, userId, source, type, properties, profileId: '' };
    return { id, timestamp, anonymousId, userId, source, type, properties };
  }
  if (contextValue === NO && ids !== NO && traitValues !== NO && userId !== NO && anonymousId !== NO) {
    if (slot) return { id, timestamp, anonymousId, userId, identifiers: ids, traits: traitValues, source, type, properties, profileId: '' };
    return { id, timestamp, anonymousId, userId, identifiers: ids, traits: traitValues, source, type, properties };
  }
  const out: Record<string, unknown> = { id, timestamp };
  if (anonymousId !== NO) out.anonymousId = anonymousId;
  if (userId !== NO) out.userId = userId;
  if (ids !== NO) out.identifiers = ids;
  if (traitValues !== NO) out.traits = traitValues;
  if (contextValue !== NO) out.context = contextValue;
  out.source = source;
  out.type = type;
  out.properties = properties;
  if (slot) out.profileId = '';
  return out;
}

function fastParse(input: unknown, slot: boolean): MemberkitEvent | undefined {
  if (!isPlain(input)) return NO;
  // One pass over the keys the event has (see `object`): any other key, or
  // an inherited one, gives up.
  let eventId: unknown = NO;
  let type: unknown = NO;
  let timestamp: unknown = NO;
  let anonymousId: unknown = NO;
  let userId: unknown = NO;
  let ids: unknown = NO;
  let traitValues: unknown = NO;
  let contextValue: unknown = NO;
  let source: unknown = NO;
  let rawProperties: unknown = NO;
  for (const key in input) {
    if (!own(input, key)) return NO;
    const v = input[key];
    // Every check refuses an undefined value.
    switch (key) {
      case 'id':
        if ((eventId = id(v)) === NO) return NO;
        break;
      case 'type':
        type = v;
        break;
      case 'timestamp':
        timestamp = v;
        break;
      case 'anonymousId':
        if ((anonymousId = id(v)) === NO) return NO;
        break;
      case 'userId':
        if ((userId = id(v)) === NO) return NO;
        break;
      case 'identifiers':
        if ((ids = identifiers(v)) === NO) return NO;
        break;
      case 'traits':
        if ((traitValues = traits(v)) === NO) return NO;
        break;
      case 'context':
        if (v === undefined || (contextValue = context(v)) === NO) return NO;
        break;
      case 'source':
        if (v !== 'client' && v !== 'server') return NO;
        source = v;
        break;
      case 'properties':
        if ((rawProperties = v) === NO) return NO;
        break;
      default:
        return NO;
    }
  }
  if (eventId === NO || typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) return NO;
  const props = typeof type === 'string' && own(PROPERTIES, type) ? PROPERTIES[type as EventType](rawProperties) : NO;
  if (props === NO) return NO;
  // Keys the pass did not see must be truly absent (not non-enumerable or
  // inherited, which zod would read).
  if (anonymousId === NO && 'anonymousId' in input) return NO;
  if (userId === NO && 'userId' in input) return NO;
  if (ids === NO && 'identifiers' in input) return NO;
  if (traitValues === NO && 'traits' in input) return NO;
  if (contextValue === NO && 'context' in input) return NO;
  if (source === NO) {
    if ('source' in input) return NO;
    source = 'client';
  }
  return envelope(eventId, timestamp, anonymousId, userId, ids, traitValues, contextValue, source, type, props, slot) as MemberkitEvent;
}
