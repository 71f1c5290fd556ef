import { orderStats, type OrderStats } from '../profile/orderStats.ts';
import type { Profile, StoredEvent } from '../profile/profile.ts';

/**
 * What a condition is evaluated against: a profile, its events (oldest
 * first) and "now". Order statistics are computed at most once per subject.
 *
 * @example
 * ```ts
 * import type { ConditionSubject } from '@memberkit/core';
 * declare const s: ConditionSubject;
 * s.stats().orderCount;
 * ```
 */
export interface ConditionSubject {
  readonly profile: Profile;
  readonly events: readonly StoredEvent[];
  /** The events' timestamps in the same order, when the store keeps them as a column (window scans read these). */
  readonly times?: readonly number[] | undefined;
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
  return { profile, events, times: undefined, now, stats: () => (memo ??= orderStats(events)) };
}
