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
