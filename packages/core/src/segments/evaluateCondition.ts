import { orderStats, type OrderStats } from '../profile/orderStats.ts';
import type { Profile, StoredEvent } from '../profile/profile.ts';
import type { Condition } from './condition.ts';

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
type Scalar = string | number | boolean | null;
type Window = { readonly last: number; readonly unit: keyof typeof UNIT_MS };
type Filter = Readonly<Record<string, Scalar | readonly Scalar[]>>;

/**
 * What a condition is evaluated against: a profile, its events (oldest
 * first) and "now". Order statistics are computed at most once per subject.
 *
 * @example
 * ```ts
 * import { conditionSubject } from '@memberkit/core';
 * const s = conditionSubject({ id: 'p', createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [], segments: [], attributes: {} }, [], Date.now());
 * ```
 */
export interface ConditionSubject {
  readonly profile: Profile;
  readonly events: readonly StoredEvent[];
  readonly now: number;
  stats(): OrderStats;
}

/**
 * Builds a {@link ConditionSubject} with lazily computed, memoised stats.
 *
 * @example
 * ```ts
 * import { conditionSubject, evaluateCondition } from '@memberkit/core';
 * const p = { id: 'p', createdAt: 0, updatedAt: 0, identities: [], traits: { gender: 'female' }, tags: [], segments: [], attributes: {} };
 * evaluateCondition({ field: 'traits.gender', op: 'eq', value: 'female' }, conditionSubject(p, [], 0));
 * //=> true
 * ```
 */
export function conditionSubject(profile: Profile, events: readonly StoredEvent[], now: number): ConditionSubject {
  let memo: OrderStats | undefined;
  return { profile, events, now, stats: () => (memo ??= orderStats(events)) };
}

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'neq':
      return a !== b;
    case 'gt':
      return typeof a === 'number' && typeof b === 'number' && a > b;
    case 'gte':
      return typeof a === 'number' && typeof b === 'number' && a >= b;
    case 'lt':
      return typeof a === 'number' && typeof b === 'number' && a < b;
    case 'lte':
      return typeof a === 'number' && typeof b === 'number' && a <= b;
    default:
      return false;
  }
}

// Collects the values at a dotted path, fanning out over arrays, so that
// `products.category` matches an order if any line's category matches.
function valuesAt(root: unknown, path: readonly string[], i = 0, out: unknown[] = []): unknown[] {
  if (Array.isArray(root)) {
    for (const item of root) valuesAt(item, path, i, out);
    return out;
  }
  if (i === path.length) {
    out.push(root);
    return out;
  }
  if (root === null || typeof root !== 'object') return out;
  return valuesAt((root as Record<string, unknown>)[path[i]!], path, i + 1, out);
}

const splitCache = new Map<string, readonly string[]>();
const split = (path: string): readonly string[] => {
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split('.');
    splitCache.set(path, parts);
  }
  return parts;
};

// Like valuesAt, but answers "does any value match" without building arrays:
// this runs for every event in every window scan.
function anyAt(root: unknown, path: readonly string[], i: number, expected: Scalar | readonly Scalar[]): boolean {
  if (Array.isArray(root)) {
    for (const item of root) if (anyAt(item, path, i, expected)) return true;
    return false;
  }
  if (i === path.length) return Array.isArray(expected) ? expected.includes(root as Scalar) : root === expected;
  if (root === null || typeof root !== 'object') return false;
  return anyAt((root as Record<string, unknown>)[path[i]!], path, i + 1, expected);
}

function matchesFilter(properties: unknown, where: Filter | undefined): boolean {
  if (!where) return true;
  for (const path in where) if (!anyAt(properties, split(path), 0, where[path]!)) return false;
  return true;
}

function fieldValue(s: ConditionSubject, field: string): unknown {
  if (field === 'createdDaysAgo') return (s.now - s.profile.createdAt) / UNIT_MS.day;
  const [area, ...rest] = split(field);
  switch (area) {
    case 'traits':
      return valuesAt(s.profile.traits, rest)[0];
    case 'attributes':
      return valuesAt(s.profile.attributes, rest)[0];
    case 'identities':
      return s.profile.identities.find((i) => i.kind === rest[0])?.value;
    case 'stats': {
      const stats = s.stats();
      const name = rest[0];
      if (name === 'daysSinceLastOrder') return stats.lastOrderAt === null ? undefined : (s.now - stats.lastOrderAt) / UNIT_MS.day;
      if (name === 'daysSinceFirstOrder') return stats.firstOrderAt === null ? undefined : (s.now - stats.firstOrderAt) / UNIT_MS.day;
      return (stats as unknown as Record<string, unknown>)[name ?? ''] ?? undefined;
    }
    default:
      return undefined;
  }
}

function evaluateField(c: { field: string; op: string; value?: unknown }, s: ConditionSubject): boolean {
  const v = fieldValue(s, c.field);
  switch (c.op) {
    case 'exists':
      return v !== undefined && v !== null;
    case 'notExists':
      return v === undefined || v === null;
    case 'in':
      return (c.value as unknown[]).includes(v);
    case 'nin':
      return !(c.value as unknown[]).includes(v);
    case 'contains':
      return typeof v === 'string' && typeof c.value === 'string' ? v.includes(c.value) : Array.isArray(v) && v.includes(c.value);
    default:
      return compare(c.op, v, c.value);
  }
}

const windowMs = (w: Window): number => w.last * UNIT_MS[w.unit];

function evaluateEvent(
  c: {
    event: string;
    where?: Filter;
    within?: Window;
    count?: { op: string; value: number };
    sum?: { op: string; value: number; property: string };
    notFollowedBy?: { event: string; where?: Filter; within: Window };
  },
  s: ConditionSubject,
): boolean {
  const from = c.within ? s.now - windowMs(c.within) : -Infinity;
  const events = s.events;
  let count = 0;
  let sum = 0;
  // Events are sorted by time: scan back from the newest and stop at the window's start.
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.timestamp < from) break;
    if (e.type !== c.event || !matchesFilter(e.properties, c.where)) continue;
    if (c.notFollowedBy && !unfollowed(events, i, c.notFollowedBy, s.now)) continue;
    count++;
    if (c.sum) for (const v of valuesAt(e.properties, split(c.sum.property))) if (typeof v === 'number') sum += v;
  }
  if (c.sum) return compare(c.sum.op, sum, c.sum.value);
  if (c.count) return compare(c.count.op, count, c.count.value);
  return count > 0;
}

// True when the event at `index` was not followed by a matching event within
// the window, and the window has fully passed (otherwise it is too early to say).
function unfollowed(events: readonly StoredEvent[], index: number, f: { event: string; where?: Filter; within: Window }, now: number): boolean {
  const start = events[index]!.timestamp;
  const end = start + windowMs(f.within);
  if (now < end) return false;
  for (let j = index + 1; j < events.length; j++) {
    const e = events[j]!;
    if (e.timestamp > end) break;
    if (e.type === f.event && matchesFilter(e.properties, f.where)) return false;
  }
  return true;
}

/**
 * Evaluates a (validated) condition for one subject. Pure and synchronous,
 * so it can run on every event and in batch over all profiles.
 *
 * @example
 * ```ts
 * import { conditionSubject, evaluateCondition } from '@memberkit/core';
 * const p = { id: 'p', createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [{ tag: 'vip', origin: 'manual' as const, at: 0 }], segments: [], attributes: { tier: 'gold' } };
 * evaluateCondition({ all: [{ hasTag: 'vip' }, { not: { field: 'attributes.tier', op: 'eq', value: 'silver' } }] }, conditionSubject(p, [], 0));
 * //=> true
 * ```
 */
export function evaluateCondition(condition: Condition, subject: ConditionSubject): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, subject));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, subject));
  if ('not' in condition) return !evaluateCondition(condition.not, subject);
  if ('hasTag' in condition) return subject.profile.tags.some((t) => t.tag === condition.hasTag);
  if ('field' in condition) return evaluateField(condition, subject);
  return evaluateEvent(condition as Parameters<typeof evaluateEvent>[0], subject);
}
