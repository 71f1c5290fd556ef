import type { MemberLoyaltyRecord } from './loyaltyStore.ts';
import { CompactMap } from './compactMap.ts';
import { CompactSet } from './compactSet.ts';
import { NO_ITEMS } from '../points/noItems.ts';

// Shared by every blank record; the record type makes them read-only, and nothing casts that away.
// Compact and frozen: a look-up in a native empty Map or Set still hashes the key, and hashing a
// freshly built source key (a V8 cons string) first copies it flat. Frozen, a stray write throws.
const EMPTY_MAP: ReadonlyMap<string, never> = Object.freeze(new CompactMap<never>());
const EMPTY_SET: ReadonlySet<string> = Object.freeze(new CompactSet());

/**
 * A read-only empty aggregate (version 0) for a member nothing was committed
 * for yet. Unlike `emptyMemberRecord`, which builds collections a store can
 * fill, it shares frozen empty collections, so reading an unknown member (the
 * first command of every new member) allocates one small object.
 *
 * @example
 * ```ts
 * import { blankMemberRecord } from '@memberkit/core';
 * blankMemberRecord('m1').entries.length;
 * //=> 0
 * ```
 */
export function blankMemberRecord(memberId: string): MemberLoyaltyRecord {
  return {
    memberId,
    version: 0,
    entries: NO_ITEMS,
    lots: EMPTY_MAP,
    openLots: EMPTY_SET,
    orders: EMPTY_MAP,
    growth: NO_ITEMS,
    tier: null,
    counters: EMPTY_MAP,
    sourceKeys: EMPTY_SET,
    available: 0,
    pending: 0,
    nextTransitionAt: Number.POSITIVE_INFINITY,
  };
}
