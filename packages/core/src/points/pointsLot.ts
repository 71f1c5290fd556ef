/**
 * A lot: points earned together (one order, one bonus, one manual credit)
 * that share an activation date and an expiry. Redemptions consume lots and
 * record which; refunds give points back to the lots they came from.
 * `available` and `pending` are the lot's remainders, always equal to the sum
 * of its entries (see `verifyLedger`).
 *
 * The special `debt` lot (origin `debt`) holds a negative balance that the
 * refund policy `allow_negative` may create.
 *
 * @example
 * ```ts
 * import type { PointsLot } from '@memberkit/core';
 * const lot: PointsLot = { id: 'lot_1', memberId: 'm1', origin: 'order', source: 'order:o1', earnedAt: 0, activatesAt: 604_800_000, expiresAt: null, points: 199, available: 0, pending: 199 };
 * ```
 */
export interface PointsLot {
  readonly id: string;
  readonly memberId: string;
  readonly origin: 'order' | 'action' | 'adjust' | 'debt';
  readonly source: string;
  readonly earnedAt: number;
  /** When pending points become available; `null` when they were available at once. */
  readonly activatesAt: number | null;
  /** First instant the lot is no longer spendable; `null` = never expires. */
  readonly expiresAt: number | null;
  /** Points originally credited. */
  readonly points: number;
  readonly available: number;
  readonly pending: number;
}

/**
 * Id of the member's debt lot (one per member), holding a negative balance.
 *
 * @example
 * ```ts
 * import { debtLotId } from '@memberkit/core';
 * debtLotId('m1');
 * //=> 'debt:m1'
 * ```
 */
export function debtLotId(memberId: string): string {
  return `debt:${memberId}`;
}

/**
 * Id of a member's `n`-th lot (1-based): `L1`, `L2`, … Lot ids are unique
 * within their member — a lot always lives in its member's record, so the
 * pair (member id, lot id) names it anywhere. Each id is built once per
 * process and shared by every member: a lot id made per member
 * (`m1.L1`) was a new string held by the lot, its entries and the
 * allocations of every redemption from it, for as long as the store lives —
 * three kept strings per member in the ledger benchmark, copied and traced
 * by the garbage collector.
 *
 * @example
 * ```ts
 * import { lotIdAt } from './pointsLot.ts';
 * [lotIdAt(1), lotIdAt(12), lotIdAt(1) === lotIdAt(1)];
 * //=> ['L1', 'L12', true]
 * ```
 */
export function lotIdAt(n: number): string {
  let id = LOT_IDS[n];
  if (id === undefined) {
    id = `L${n}`;
    // Bounded: past 100,000 lots in one member, ids are built as they are needed.
    if (n < 100_000) LOT_IDS[n] = id;
  }
  return id;
}
const LOT_IDS: string[] = [];

/**
 * A copy of a lot with new remainders. Built field by field rather than with
 * a spread: every lot keeps one object shape, which keeps the ledger's hot
 * path several times faster.
 *
 * @example
 * ```ts
 * import { lotWithRemainders } from '@memberkit/core';
 * lotWithRemainders({ id: 'l', memberId: 'm', origin: 'action', source: 's', earnedAt: 0, activatesAt: null, expiresAt: null, points: 5, available: 5, pending: 0 }, 2, 0).available;
 * //=> 2
 * ```
 */
export function lotWithRemainders(lot: PointsLot, available: number, pending: number): PointsLot {
  return {
    id: lot.id,
    memberId: lot.memberId,
    origin: lot.origin,
    source: lot.source,
    earnedAt: lot.earnedAt,
    activatesAt: lot.activatesAt,
    expiresAt: lot.expiresAt,
    points: lot.points,
    available,
    pending,
  };
}
