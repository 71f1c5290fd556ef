import type { EventType } from '../events/eventTypes.ts';
import type { Condition } from './condition.ts';

const cache = new WeakMap<Condition, ReadonlySet<EventType> | null>();

function collect(c: Condition, into: Set<EventType>): boolean {
  if ('all' in c) return c.all.every((x) => collect(x, into));
  if ('any' in c) return c.any.every((x) => collect(x, into));
  if ('not' in c) return collect(c.not, into);
  if ('event' in c) {
    into.add(c.event as EventType);
    if (c.notFollowedBy) into.add(c.notFollowedBy.event as EventType);
    return true;
  }
  // Field, stats and tag conditions can change with any event: no shortcut.
  return false;
}

/**
 * The event types that can change a rule's answer when one arrives, or
 * `null` when any event can (the rule reads profile fields, statistics or
 * tags). Ingest skips rules an event cannot affect; what only the passing of
 * time changes (a 7-day window emptying) is picked up by `evaluateAll`.
 *
 * @example
 * ```ts
 * import { ruleTriggers } from '@memberkit/core';
 * [...ruleTriggers({ event: 'product_added', notFollowedBy: { event: 'order_completed', within: { last: 1, unit: 'hour' } } })!];
 * //=> ['product_added', 'order_completed']
 * ```
 */
export function ruleTriggers(condition: Condition): ReadonlySet<EventType> | null {
  let found = cache.get(condition);
  if (found === undefined) {
    const into = new Set<EventType>();
    found = collect(condition, into) ? into : null;
    cache.set(condition, found);
  }
  return found;
}
