import type { EventType } from '../events/eventTypes.ts';
import type { Condition } from './condition.ts';
import type { ConditionSubject } from './conditionSubject.ts';
import { eventMatcher, type EventMatch } from './eventMatcher.ts';
import { sumAt, valueAt, type Scalar } from './propertyPath.ts';

/**
 * A condition turned into a function of its subject.
 *
 * @example
 * ```ts
 * import { compileCondition, type CompiledCondition } from '@memberkit/core';
 * const buyer: CompiledCondition = compileCondition({ event: 'order_completed' });
 * ```
 */
export type CompiledCondition = (subject: ConditionSubject) => boolean;

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
type Window = { readonly last: number; readonly unit: keyof typeof UNIT_MS };
type Filter = Readonly<Record<string, Scalar | readonly Scalar[]>>;

const cache = new WeakMap<Condition, CompiledCondition>();

function comparator(op: string, value: unknown): (a: unknown) => boolean {
  switch (op) {
    case 'eq':
      return (a) => a === value;
    case 'neq':
      return (a) => a !== value;
    case 'gt':
      return (a) => typeof a === 'number' && a > (value as number);
    case 'gte':
      return (a) => typeof a === 'number' && a >= (value as number);
    case 'lt':
      return (a) => typeof a === 'number' && a < (value as number);
    case 'lte':
      return (a) => typeof a === 'number' && a <= (value as number);
    case 'in':
      return (a) => (value as unknown[]).includes(a);
    case 'nin':
      return (a) => !(value as unknown[]).includes(a);
    case 'exists':
      return (a) => a !== undefined && a !== null;
    case 'notExists':
      return (a) => a === undefined || a === null;
    case 'contains':
      return (a) => (typeof a === 'string' && typeof value === 'string' ? a.includes(value) : Array.isArray(a) && a.includes(value));
    default:
      return () => false;
  }
}

function fieldReader(field: string): (s: ConditionSubject) => unknown {
  if (field === 'createdDaysAgo') return (s) => (s.now - s.profile.createdAt) / UNIT_MS.day;
  const [area, ...rest] = field.split('.');
  switch (area) {
    case 'traits':
      return (s) => valueAt(s.profile.traits, rest);
    case 'attributes':
      return (s) => valueAt(s.profile.attributes, rest);
    case 'identities':
      return (s) => s.profile.identities.find((i) => i.kind === rest[0])?.value;
    case 'stats': {
      const name = rest[0] ?? '';
      if (name === 'daysSinceLastOrder') return (s) => (s.stats().lastOrderAt === null ? undefined : (s.now - s.stats().lastOrderAt!) / UNIT_MS.day);
      if (name === 'daysSinceFirstOrder') return (s) => (s.stats().firstOrderAt === null ? undefined : (s.now - s.stats().firstOrderAt!) / UNIT_MS.day);
      return (s) => (s.stats() as unknown as Record<string, unknown>)[name];
    }
    default:
      return () => undefined;
  }
}

// The smallest match count from which a count condition holds whatever
// comes after (`gte` / `gt` / none): Infinity when more matches may undo it.
function countBound(count: { readonly op: string; readonly value: unknown } | undefined): number {
  if (count === undefined) return 1;
  if (typeof count.value !== 'number' || Number.isNaN(count.value)) return Number.POSITIVE_INFINITY;
  if (count.op === 'gte') return Math.max(1, Math.ceil(count.value));
  if (count.op === 'gt') return Math.max(1, Math.floor(count.value) + 1);
  return Number.POSITIVE_INFINITY;
}

const windowMs = (w: Window): number => w.last * UNIT_MS[w.unit];

function compileEvent(c: {
  event: string;
  where?: Filter;
  within?: Window;
  count?: { op: string; value: number };
  sum?: { op: string; value: number; property: string };
  notFollowedBy?: { event: string; where?: Filter; within: Window };
}): CompiledCondition {
  const match = eventMatcher(c.event, c.where);
  const span = c.within ? windowMs(c.within) : Number.POSITIVE_INFINITY;
  const sumPath = c.sum ? c.sum.property.split('.') : null;
  const test = c.sum ? comparator(c.sum.op, c.sum.value) : c.count ? comparator(c.count.op, c.count.value) : (n: unknown) => (n as number) > 0;
  const follow = c.notFollowedBy ? { match: eventMatcher(c.notFollowedBy.event, c.notFollowedBy.where), span: windowMs(c.notFollowedBy.within) } : null;
  // A count that only has to reach a bound holds for good once it does:
  // stop scanning there (most rules ask for one match, and the newest
  // events are read first).
  const enough = c.sum ? Number.POSITIVE_INFINITY : countBound(c.count);
  const type = c.event;
  const followType = c.notFollowedBy?.event;
  return (s) => {
    const from = s.now - span;
    const events = s.events;
    const times = s.times;
    let total = 0;
    // Events are sorted by time: scan back from the newest, stop at the
    // window's start. Times come from the store's column when it has one;
    // each branch compares on its own (a value chosen between the column's
    // unboxed number and an event's field would be boxed into a new heap
    // number on every read once both branches have run).
    for (let i = events.length - 1; i >= 0; i--) {
      if (times !== undefined ? times[i]! < from : events[i]!.timestamp < from) break;
      const e = events[i]!;
      // The matcher checks the type first too, but it is another closure per
      // rule (a call V8 cannot inline here): events of other types, most of
      // a history, are skipped without the call.
      if (e.type !== type || !match(e)) continue;
      if (follow && !unfollowed(s, i, followType!, follow.match, follow.span)) continue;
      total += sumPath ? sumAt(e.properties, sumPath) : 1;
      if (total >= enough) break;
    }
    return test(total);
  };
}

// True when the event at `index` was not followed by a matching event within
// `span`, and the span has fully passed (before that it is too early to say).
// It takes the subject rather than its "now": a time passed as an argument
// would be boxed into a fresh heap number on every call.
function unfollowed(s: ConditionSubject, index: number, type: string, match: EventMatch, span: number): boolean {
  const events = s.events;
  const times = s.times;
  const end = times !== undefined ? times[index]! + span : events[index]!.timestamp + span;
  if (s.now < end) return false;
  for (let j = index + 1; j < events.length; j++) {
    if (times !== undefined ? times[j]! > end : events[j]!.timestamp > end) break;
    const e = events[j]!;
    if (e.type === type && match(e)) return false;
  }
  return true;
}

/**
 * Compiles a (validated) condition into a function, once: paths are split,
 * windows and comparisons resolved, so evaluation does no parsing. Results
 * are cached per condition object.
 *
 * @example
 * ```ts
 * import { compileCondition, conditionSubject } from '@memberkit/core';
 * const isGold = compileCondition({ field: 'attributes.tier', op: 'eq', value: 'gold' });
 * isGold(conditionSubject({ id: 'p', createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [], segments: [], attributes: { tier: 'gold' } }, [], 0));
 * //=> true
 * ```
 */
export function compileCondition(condition: Condition): CompiledCondition {
  let compiled = cache.get(condition);
  if (compiled) return compiled;
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    compiled = (s) => {
      for (const p of parts) if (!p(s)) return false;
      return true;
    };
  } else if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    compiled = (s) => {
      for (const p of parts) if (p(s)) return true;
      return false;
    };
  } else if ('not' in condition) {
    const inner = compileCondition(condition.not);
    compiled = (s) => !inner(s);
  } else if ('hasTag' in condition) {
    const tag = condition.hasTag;
    compiled = (s) => {
      // Indexed: the list may be a shared frozen empty (see ruleTagOf).
      const tags = s.profile.tags;
      for (let i = 0; i < tags.length; i++) if (tags[i]!.tag === tag) return true;
      return false;
    };
  } else if ('field' in condition) {
    const read = fieldReader(condition.field);
    const test = comparator(condition.op, condition.value);
    compiled = (s) => test(read(s));
  } else {
    compiled = compileEvent(condition as Parameters<typeof compileEvent>[0] & { event: EventType });
  }
  cache.set(condition, compiled);
  return compiled;
}
