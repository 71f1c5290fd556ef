import type { PointsLot } from '../points/pointsLot.ts';

/**
 * When a lot next activates or expires as it stands (`Infinity` if never):
 * its activation while it holds pending points, its expiry while it holds
 * available points, whichever is first. A member record caches the earliest
 * of these over its open lots (`nextTransitionAt`).
 *
 * @example
 * ```ts
 * import { lotTransition } from '@memberkit/core';
 * lotTransition({ id: 'l', memberId: 'm', origin: 'order', source: 'order:o1', earnedAt: 0, activatesAt: 7, expiresAt: 30, points: 9, available: 0, pending: 9 });
 * //=> 7
 * ```
 */
export function lotTransition(lot: PointsLot): number {
  let t = Number.POSITIVE_INFINITY;
  if (lot.pending > 0 && lot.activatesAt !== null) t = lot.activatesAt;
  if (lot.available > 0 && lot.expiresAt !== null && lot.expiresAt < t) t = lot.expiresAt;
  return t;
}

/**
 * The earliest {@link lotTransition} over a record's open lots, by a scan:
 * what a commit recomputes when it changed the lot that held the minimum.
 *
 * @example
 * ```ts
 * import { emptyMemberRecord, nextLotTransition } from '@memberkit/core';
 * nextLotTransition(emptyMemberRecord('m1'));
 * //=> Infinity
 * ```
 */
export function nextLotTransition(record: { readonly lots: ReadonlyMap<string, PointsLot>; readonly openLots: ReadonlySet<string> }): number {
  let next = Number.POSITIVE_INFINITY;
  record.openLots.forEach((id) => {
    const t = lotTransition(record.lots.get(id) as PointsLot);
    if (t < next) next = t;
  });
  return next;
}
