import type { IdentifierKind } from '../events/eventTypes.ts';
import { orderStats, type OrderStats } from './orderStats.ts';
import type { Profile, ProfileTraits, StoredEvent, TagAssignment } from './profile.ts';
import { sourceTouch, type SourceTouch } from './sourceTouch.ts';

/**
 * The 360° view of one person (R-PROF-3): basics, identifiers, purchase
 * behaviour, interaction preferences, sources, tags, segments and the values
 * other parts maintain (tier, RFM) in `attributes`.
 *
 * @example
 * ```ts
 * import type { ProfileView } from '@memberkit/core';
 * declare const v: ProfileView;
 * v.orders.aov; // 客单价 in minor units
 * ```
 */
export interface ProfileView {
  readonly id: string;
  readonly createdAt: number;
  readonly traits: ProfileTraits;
  readonly identifiers: Readonly<Partial<Record<IdentifierKind, readonly string[]>>>;
  readonly orders: OrderStats;
  readonly eventCount: number;
  readonly lastSeenAt: number | null;
  /** Hour of day (0–23, in `timeZone`) the person orders most, or is most active when they never ordered. */
  readonly preferredHour: number | null;
  readonly preferredChannel: string | null;
  readonly firstSource: SourceTouch | null;
  readonly latestSource: SourceTouch | null;
  readonly tags: readonly TagAssignment[];
  readonly segments: readonly string[];
  readonly attributes: Readonly<Record<string, unknown>>;
}

function mode<T>(values: Iterable<T>): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    // Ties go to the value seen first: stable for a given history.
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

function hourIn(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  return (ms) => Number(format.format(ms));
}

/**
 * Builds the {@link ProfileView} from a profile and its events (oldest
 * first). Hours are read in `timeZone` (default `Asia/Shanghai`).
 *
 * @example
 * ```ts
 * import { profileView } from '@memberkit/core';
 * const p = { id: 'p', createdAt: 0, updatedAt: 0, identities: [{ kind: 'phone' as const, value: '+8613812345678', linkedAt: 0 }], traits: {}, tags: [], segments: [], attributes: {} };
 * profileView(p, []).identifiers.phone;
 * //=> ['+8613812345678']
 * ```
 */
export function profileView(profile: Profile, events: readonly StoredEvent[], options: { readonly timeZone?: string } = {}): ProfileView {
  const identifiers: Partial<Record<IdentifierKind, string[]>> = {};
  for (const i of profile.identities) (identifiers[i.kind] ??= []).push(i.value);
  const hour = hourIn(options.timeZone ?? 'Asia/Shanghai');
  const orders = events.filter((e) => e.type === 'order_completed');
  const basis = orders.length > 0 ? orders : events;
  let first: SourceTouch | null = null;
  let latest: SourceTouch | null = null;
  for (const e of events) {
    const touch = sourceTouch(e);
    if (!touch) continue;
    first ??= touch;
    latest = touch;
  }
  return {
    id: profile.id,
    createdAt: profile.createdAt,
    traits: profile.traits,
    identifiers,
    orders: orderStats(events),
    eventCount: events.length,
    lastSeenAt: events.length === 0 ? null : events[events.length - 1]!.timestamp,
    preferredHour: mode(basis.map((e) => hour(e.timestamp))),
    preferredChannel: mode(events.flatMap((e) => (e.context?.channel ? [e.context.channel] : []))),
    firstSource: first,
    latestSource: latest,
    tags: profile.tags,
    segments: profile.segments,
    attributes: profile.attributes,
  };
}
