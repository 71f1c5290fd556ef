import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import type { PointsLot } from './pointsLot.ts';

/**
 * A member's points as of an instant.
 *
 * @example
 * ```ts
 * import type { PointsBalance } from '@memberkit/core';
 * const b: PointsBalance = { available: 120, pending: 30, asOf: 0 };
 * ```
 */
export interface PointsBalance {
  /** Spendable now (negative only under `allow_negative`). */
  readonly available: number;
  /** Earned, waiting for the return window to pass. */
  readonly pending: number;
  readonly asOf: number;
}

/**
 * Where one lot stands at `now`, counting activations and expiries that are
 * due but not yet written (reads never write; the next operation will).
 *
 * @example
 * ```ts
 * import { lotAt } from '@memberkit/core';
 * lotAt({ id: 'l', memberId: 'm', origin: 'order', source: 'order:o', earnedAt: 0, activatesAt: 5, expiresAt: null, points: 9, available: 0, pending: 9 }, 10);
 * //=> { available: 9, pending: 0 }
 * ```
 */
export function lotAt(lot: PointsLot, now: number): { available: number; pending: number } {
  let { available, pending } = lot;
  if (lot.origin === 'debt') return { available, pending };
  if (pending > 0 && lot.activatesAt !== null && lot.activatesAt <= now) {
    available += pending;
    pending = 0;
  }
  if (available > 0 && pending === 0 && lot.expiresAt !== null && lot.expiresAt <= now) available = 0;
  return { available, pending };
}

/**
 * The balance of a member at `now`, from the cached totals (O(1)) unless a
 * lot activated or expired since the last write, in which case only the open
 * lots are scanned. Always equal to what settling and summing the ledger
 * would give.
 *
 * @example
 * ```ts
 * import { balanceAt, emptyMemberRecord } from '@memberkit/core';
 * balanceAt(emptyMemberRecord('m1'), 0);
 * //=> { available: 0, pending: 0, asOf: 0 }
 * ```
 */
export function balanceAt(record: MemberLoyaltyRecord, now: number): PointsBalance {
  if (now < record.nextTransitionAt) return { available: record.available, pending: record.pending, asOf: now };
  let available = record.available;
  let pending = record.pending;
  for (const id of record.openLots) {
    const lot = record.lots.get(id) as PointsLot;
    const at = lotAt(lot, now);
    available += at.available - lot.available;
    pending += at.pending - lot.pending;
  }
  return { available, pending, asOf: now };
}
