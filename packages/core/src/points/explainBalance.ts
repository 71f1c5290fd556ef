import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import { programCalendar } from '../program/programCalendar.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { lotAt } from './balanceAt.ts';
import type { PointsLot } from './pointsLot.ts';

const DAY_MS = 86_400_000;

/**
 * Why a member has the points they have (R-LOY-3: expiry that anyone can
 * explain). `available` equals the sum of `lots` plus `debt`.
 *
 * @example
 * ```ts
 * import type { BalanceExplanation } from '@memberkit/core';
 * const soonest = (x: BalanceExplanation) => x.expiring[0]?.date;
 * ```
 */
export interface BalanceExplanation {
  readonly asOf: number;
  readonly available: number;
  readonly pending: number;
  /** Negative balance owed after refunds (0 or below). */
  readonly debt: number;
  /** Every available point, by lot, in the order redemptions will spend them. */
  readonly lots: readonly { readonly lotId: string; readonly origin: PointsLot['origin']; readonly source: string; readonly earnedAt: number; readonly expiresAt: number | null; readonly points: number; readonly originalPoints: number }[];
  /** Pending points and when each lot becomes available. */
  readonly pendingLots: readonly { readonly lotId: string; readonly source: string; readonly points: number; readonly activatesAt: number | null; readonly expiresAt: number | null }[];
  /** Upcoming expiries grouped by local date (program time zone). */
  readonly expiring: readonly { readonly date: string; readonly expiresAt: number; readonly points: number; readonly lotIds: readonly string[] }[];
}

/**
 * Explains a member's balance at `now`: each available point traced to its
 * lot and source, pending points with their activation date, and the next
 * expiries grouped by day. Reads only the open lots, so it stays fast for a
 * member with a long history.
 *
 * @example
 * ```ts
 * import { defineProgram, emptyMemberRecord, explainBalance } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * explainBalance(p, emptyMemberRecord('m1'), 0).available;
 * //=> 0
 * ```
 */
export function explainBalance(program: Pick<LoyaltyProgram, 'timeZoneOffsetMinutes'>, record: MemberLoyaltyRecord, now: number): BalanceExplanation {
  const cal = programCalendar(program.timeZoneOffsetMinutes);
  const lots: BalanceExplanation['lots'][number][] = [];
  const pendingLots: BalanceExplanation['pendingLots'][number][] = [];
  let debt = 0;
  for (const id of record.openLots) {
    const lot = record.lots.get(id) as PointsLot;
    if (lot.origin === 'debt') {
      debt += lot.available;
      continue;
    }
    const at = now < record.nextTransitionAt ? lot : lotAt(lot, now);
    if (at.available > 0) lots.push({ lotId: lot.id, origin: lot.origin, source: lot.source, earnedAt: lot.earnedAt, expiresAt: lot.expiresAt, points: at.available, originalPoints: lot.points });
    if (at.pending > 0) pendingLots.push({ lotId: lot.id, source: lot.source, points: at.pending, activatesAt: lot.activatesAt, expiresAt: lot.expiresAt });
  }
  lots.sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.earnedAt - b.earnedAt || (a.lotId < b.lotId ? -1 : 1));
  pendingLots.sort((a, b) => (a.activatesAt ?? 0) - (b.activatesAt ?? 0) || (a.lotId < b.lotId ? -1 : 1));
  // Group by local day number; format a date string once per group, not once per lot.
  const shift = program.timeZoneOffsetMinutes * 60_000;
  const groups: { date: string; expiresAt: number; points: number; lotIds: string[] }[] = [];
  let currentDay = Number.NaN;
  for (const l of lots) {
    if (l.expiresAt === null) continue;
    // The last day the points can be used is the day before the expiry instant.
    const day = Math.floor((l.expiresAt - 1 + shift) / DAY_MS);
    let group = groups[groups.length - 1];
    if (day !== currentDay || group === undefined) {
      currentDay = day;
      group = { date: cal.dayKey(l.expiresAt - 1), expiresAt: l.expiresAt, points: 0, lotIds: [] };
      groups.push(group);
    }
    group.points += l.points;
    group.lotIds.push(l.lotId);
  }
  let available = debt;
  for (const l of lots) available += l.points;
  let pending = 0;
  for (const p of pendingLots) pending += p.points;
  return { asOf: now, available, pending, debt, lots, pendingLots, expiring: groups };
}
