import { MemberkitError } from '../errors/memberkitError.ts';
import { lotWithRemainders, type PointsLot } from '../points/pointsLot.ts';
import type { LedgerEntry } from '../points/ledgerEntry.ts';
import type { PointsOrderRecord } from '../points/pointsOrderRecord.ts';
import type { GrowthEntry } from '../tiers/growthEntry.ts';
import type { MemberChange } from './loyaltyStore.ts';
import { StoredMemberRecord } from './storedMemberRecord.ts';
import { appendedItem } from './appendedItem.ts';
import { lotTransition, nextLotTransition } from './lotTransition.ts';

/**
 * The mutable shape a memory store keeps behind the read-only record (see
 * {@link StoredMemberRecord}: the ledger is kept compact and read as objects).
 *
 * @example
 * ```ts
 * import { emptyMemberRecord, type MutableMemberRecord } from '@memberkit/core';
 * const r: MutableMemberRecord = emptyMemberRecord('m1');
 * ```
 */
export type MutableMemberRecord = StoredMemberRecord;

/**
 * An empty member aggregate (version 0), as the engine sees a member nothing
 * was committed for.
 *
 * @example
 * ```ts
 * import { emptyMemberRecord } from '@memberkit/core';
 * emptyMemberRecord('m1').version;
 * //=> 0
 * ```
 */
export function emptyMemberRecord(memberId: string): MutableMemberRecord {
  return new StoredMemberRecord(memberId);
}

/**
 * Applies a validated change to a member aggregate in place: the reference
 * semantics of `LoyaltyStore.commit` after its checks passed. Lot remainders
 * and cached totals move only by each entry's effect (`entryEffect`), so they stay equal to
 * the ledger sum. The record owns its lots: a new lot is copied in, and later
 * entries update that copy's remainders in place (copy a lot you keep across
 * commits, as you would the record itself).
 *
 * @example
 * ```ts
 * import { applyMemberChange, emptyMemberRecord } from '@memberkit/core';
 * const r = emptyMemberRecord('m1');
 * applyMemberChange(r, { memberId: 'm1', expectedVersion: 0, lots: [], entries: [], orders: [], growth: [], counters: [], sourceKeys: [] });
 * r.version;
 * //=> 1
 * ```
 */
export function applyMemberChange(record: MutableMemberRecord, change: MemberChange): void {
  // Indexed loops throughout: this runs once per command, and iterator objects are garbage.
  const entries = change.entries;
  const lots = change.lots;
  // Check before touching anything, so a malformed change leaves the record as it was.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as LedgerEntry;
    // The change's own lots first: most entries fill a lot the change creates, and that needs no map look-up.
    if (!hasLot(lots, entry.lotId) && !record.lots.has(entry.lotId)) {
      throw new MemberkitError('invalid_input', `entry ${entry.id} names unknown lot ${entry.lotId}`, { field: 'entries' });
    }
  }
  // The record owns its lots and updates their remainders in place: a copy per entry would be
  // an object (and three boxed timestamps) per command that lives long enough to be promoted to
  // the old generation before the next command on the member replaces it.
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as PointsLot;
    record.lots.set(lot.id, lotWithRemainders(lot, 0, 0));
  }
  let moved = false;
  // The next transition, kept up to date without scanning every open lot: only a change that
  // moves the transition of the lot holding the current minimum later forces a full recount.
  let next = record.nextTransitionAt;
  let recount = false;
  const version = record.version + 1;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as LedgerEntry;
    const lot = record.lots.get(entry.lotId) as OwnedLot;
    const was = lotTransition(lot);
    // entryEffect, inlined: this loop runs for every entry ever written.
    const dAvailable = entry.kind === 'activate' || entry.bucket === 'available' ? entry.points : 0;
    const dPending = entry.kind === 'activate' ? -entry.points : entry.bucket === 'pending' ? entry.points : 0;
    lot.available += dAvailable;
    lot.pending += dPending;
    record.available += dAvailable;
    record.pending += dPending;
    record.log.push(entry, version);
    if (lot.available !== 0 || lot.pending !== 0) record.openLots.add(lot.id);
    else record.openLots.delete(lot.id);
    const becomes = lotTransition(lot);
    if (was !== Number.POSITIVE_INFINITY && was <= next && becomes > was) recount = true;
    if (becomes < next) next = becomes;
    moved = true;
  }
  if (moved) record.nextTransitionAt = recount ? nextLotTransition(record) : next;
  const { orders, growth, counters, sourceKeys } = change;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] as PointsOrderRecord;
    record.orders.set(order.orderId, order);
  }
  for (let i = 0; i < growth.length; i++) record.growth = appendedItem(record.growth, growth[i] as GrowthEntry);
  if (change.tier !== undefined) record.tier = change.tier;
  for (let i = 0; i < counters.length; i++) {
    const [key, delta] = counters[i] as readonly [string, number];
    record.counters.set(key, (record.counters.get(key) ?? 0) + delta);
  }
  for (let i = 0; i < sourceKeys.length; i++) record.sourceKeys.add(sourceKeys[i] as string);
  record.version += 1;
}

/** A lot the record owns: only its remainders ever change, and only here. */
type OwnedLot = { -readonly [K in keyof PointsLot]: PointsLot[K] };

function hasLot(lots: readonly PointsLot[], id: string): boolean {
  for (let i = 0; i < lots.length; i++) if ((lots[i] as PointsLot).id === id) return true;
  return false;
}
