import type { EventType } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import type { Condition } from './condition.ts';
import { eventMatcher, type EventMatch } from './eventMatcher.ts';

const cache = new WeakMap<Condition, EventMatch | null>();

const isOrderEvent: EventMatch = (e) => e.type === 'order_completed' || e.type === 'order_refunded';
const carriesTraits: EventMatch = (e) => e.traits !== undefined;

function compile(c: Condition): EventMatch | null {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map(ruleAffectedBy);
    if (parts.some((p) => p === null)) return null;
    const tests = parts as EventMatch[];
    return (e) => {
      for (const t of tests) if (t(e)) return true;
      return false;
    };
  }
  if ('not' in c) return ruleAffectedBy(c.not);
  if ('event' in c) {
    const match = eventMatcher(c.event, c.where);
    if (!c.notFollowedBy) return match;
    const follow = eventMatcher(c.notFollowedBy.event, c.notFollowedBy.where);
    return (e) => match(e) || follow(e);
  }
  if ('field' in c) {
    // Order statistics come from order and refund events only; traits only
    // change when an event reports some (or on a merge, which re-runs all).
    if (c.field.startsWith('stats.')) return isOrderEvent;
    if (c.field.startsWith('traits.')) return carriesTraits;
  }
  // Tags, attributes (set by other parts), identities and profile age: cheap
  // to read, so they are simply always re-evaluated.
  return null;
}

/**
 * Which incoming events can change a rule's answer, finer than
 * {@link ruleTriggers}: an event condition is affected only by events it
 * matches (type and `where` filters) or its `notFollowedBy` event matches,
 * `stats.*` only by orders and refunds, `traits.*` only by events that carry
 * traits. `null` means any event (tags, attributes, identities). What only
 * the passing of time changes is picked up by `evaluateAll`.
 *
 * @example
 * ```ts
 * import { ruleAffectedBy } from '@memberkit/core';
 * const affected = ruleAffectedBy({ event: 'product_viewed', where: { category: 'baby' }, count: { op: 'gte', value: 3 } })!;
 * affected({ id: 'e1', type: 'product_viewed', timestamp: 0, anonymousId: 'a', source: 'client', properties: { productId: 'p', category: 'toys' } });
 * //=> false
 * ```
 */
export function ruleAffectedBy(condition: Condition): EventMatch | null {
  let found = cache.get(condition);
  if (found === undefined) {
    found = compile(condition);
    cache.set(condition, found);
  }
  return found;
}

/**
 * Whether an event (or, given only its type, any event of that type) can
 * change a rule's answer, by {@link ruleAffectedBy}.
 *
 * @example
 * ```ts
 * import { ruleAffectedByEvent } from '@memberkit/core';
 * ruleAffectedByEvent({ field: 'stats.orderCount', op: 'gte', value: 2 }, { id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', source: 'client', properties: {} });
 * //=> false
 * ```
 */
export function ruleAffectedByEvent(condition: Condition, event: MemberkitEvent): boolean {
  const test = ruleAffectedBy(condition);
  return test === null || test(event);
}

const typesCache = new WeakMap<Condition, ReadonlySet<EventType> | null>();
const ORDER_TYPES: ReadonlySet<EventType> = new Set<EventType>(['order_completed', 'order_refunded']);

function collectTypes(c: Condition): ReadonlySet<EventType> | null {
  if ('all' in c || 'any' in c) {
    const into = new Set<EventType>();
    for (const part of 'all' in c ? c.all : c.any) {
      const types = ruleAffectedTypes(part);
      if (types === null) return null;
      for (const t of types) into.add(t);
    }
    return into;
  }
  if ('not' in c) return ruleAffectedTypes(c.not);
  if ('event' in c) return new Set<EventType>(c.notFollowedBy ? [c.event, c.notFollowedBy.event] : [c.event]);
  if ('field' in c && c.field.startsWith('stats.')) return ORDER_TYPES;
  return null;
}

/**
 * The event types {@link ruleAffectedBy} can answer yes for (`null`: any
 * type), so that ingest picks the candidate rules for an event's type once
 * and tests only those.
 *
 * @example
 * ```ts
 * import { ruleAffectedTypes } from '@memberkit/core';
 * [...ruleAffectedTypes({ field: 'stats.orderCount', op: 'gte', value: 2 })!];
 * //=> ['order_completed', 'order_refunded']
 * ```
 */
export function ruleAffectedTypes(condition: Condition): ReadonlySet<EventType> | null {
  let found = typesCache.get(condition);
  if (found === undefined) {
    found = collectTypes(condition);
    typesCache.set(condition, found);
  }
  return found;
}
