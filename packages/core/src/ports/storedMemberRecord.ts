import type { LedgerEntry } from '../points/ledgerEntry.ts';
import type { PointsLot } from '../points/pointsLot.ts';
import type { PointsOrderRecord } from '../points/pointsOrderRecord.ts';
import type { GrowthEntry } from '../tiers/growthEntry.ts';
import type { TierState } from '../tiers/tierState.ts';
import { CompactMap } from './compactMap.ts';
import { CompactSet } from './compactSet.ts';
import { EntryLog } from './entryLog.ts';

/**
 * A member aggregate as the memory store keeps it: the fields of
 * `MemberLoyaltyRecord`, mutable, with the ledger in compact form
 * ({@link EntryLog}) and `entries` built from it on read. The store updates
 * it in place; `emptyMemberRecord` creates one.
 *
 * @example
 * ```ts
 * import { StoredMemberRecord } from '@memberkit/core';
 * const r = new StoredMemberRecord('m1');
 * [r.version, r.entryCount, r.entries.length];
 * //=> [0, 0, 0]
 * ```
 */
export class StoredMemberRecord {
  memberId: string;
  version = 0;
  /** The ledger, in the compact form the store keeps; `entries` reads it as objects. */
  readonly log: EntryLog;
  // Compact collections: a store keeps five per member (see CompactMap).
  lots: Map<string, PointsLot> = new CompactMap();
  openLots: Set<string> = new CompactSet();
  orders: Map<string, PointsOrderRecord> = new CompactMap();
  growth: GrowthEntry[] = [];
  tier: TierState | null = null;
  counters: Map<string, number> = new CompactMap();
  sourceKeys: Set<string> = new CompactSet();
  available = 0;
  pending = 0;
  nextTransitionAt = Number.POSITIVE_INFINITY;

  constructor(memberId: string, log: EntryLog = new EntryLog(memberId)) {
    this.memberId = memberId;
    this.log = log;
  }

  /** The ledger as entry objects, in order (built from the log on the first read, extended after). */
  get entries(): readonly LedgerEntry[] {
    return this.log.toArray();
  }

  /** How many entries the ledger holds, without building them. */
  get entryCount(): number {
    return this.log.length;
  }
}
