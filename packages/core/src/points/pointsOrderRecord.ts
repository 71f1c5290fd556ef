import { NO_ITEMS } from './noItems.ts';

/**
 * One order line as the ledger remembers it: what was paid and what it
 * earned at the time, so a refund reverses at the original rate even if the
 * rules changed since.
 *
 * @example
 * ```ts
 * import type { PointsOrderLine } from '@memberkit/core';
 * const line: PointsOrderLine = { productId: 'p1', quantity: 2, eligible: 19800, points: 198, growth: 198, refundedQty: 0 };
 * ```
 */
export interface PointsOrderLine {
  readonly productId: string;
  readonly sku?: string | undefined;
  readonly quantity: number;
  /** Paid amount that earned points, minor units. */
  readonly eligible: number;
  readonly points: number;
  readonly growth: number;
  readonly refundedQty: number;
}

/**
 * What the ledger remembers about an order: earnings per line, refunds so
 * far, and which lots paid for it with points.
 *
 * @example
 * ```ts
 * import type { PointsOrderRecord } from '@memberkit/core';
 * const paidWithPoints = (o: PointsOrderRecord) => o.redeemed.reduce((s, r) => s + r.points, 0);
 * ```
 */
export interface PointsOrderRecord {
  readonly orderId: string;
  readonly memberId: string;
  /** False while only a redemption for the order is known (points are spent at checkout, before the order completes). */
  readonly completed: boolean;
  readonly at: number;
  readonly total: number;
  readonly eligible: number;
  readonly points: number;
  readonly growth: number;
  readonly lotId: string | null;
  readonly lines: readonly PointsOrderLine[];
  readonly refundIds: readonly string[];
  readonly refundedAmount: number;
  /** Cumulative refunded share of `eligible`, minor units: `eligible` means fully refunded. */
  readonly refundedEligible: number;
  readonly pointsReversed: number;
  /** Points not taken back because the member had spent them (per the refund policy). */
  readonly pointsForgiven: number;
  readonly growthReversed: number;
  /** Points spent on this order, per lot, in the order they were consumed. */
  readonly redeemed: readonly { readonly lotId: string; readonly points: number }[];
  /** Points given back per lot by refunds so far. */
  readonly restored: readonly { readonly lotId: string; readonly points: number }[];
}

// One frozen empty list for every blank record (NO_ITEMS): the store keeps every order for good, and
// commands replace these lists (never push to them), so four fresh arrays per order would be kept garbage.
const NONE = NO_ITEMS;

/**
 * An order the ledger knows nothing about yet besides its id: not completed,
 * nothing earned or refunded, and paid with the points in `redeemed` (none by
 * default: a checkout's redemption passes its allocations, so the record is one
 * object). Commands fill in what they learn.
 *
 * @example
 * ```ts
 * import { blankPointsOrderRecord } from '@memberkit/core';
 * blankPointsOrderRecord('m1', 'o1', 0).completed;
 * //=> false
 * ```
 */
export function blankPointsOrderRecord(memberId: string, orderId: string, at: number, redeemed: PointsOrderRecord['redeemed'] = NONE): PointsOrderRecord {
  // The field order of the records applyOrder and changedOrderRecord build: every order record has one shape.
  return {
    orderId,
    memberId,
    refundIds: NONE,
    refundedAmount: 0,
    refundedEligible: 0,
    pointsReversed: 0,
    pointsForgiven: 0,
    growthReversed: 0,
    redeemed,
    restored: NONE,
    completed: false,
    at,
    total: 0,
    eligible: 0,
    points: 0,
    growth: 0,
    lotId: null,
    lines: NONE,
  };
}

/**
 * What a refund or a redemption changes on an order record it already has.
 *
 * @example
 * ```ts
 * import type { OrderRecordChanges } from '@memberkit/core';
 * const oneMore = (refundIds: readonly string[], id: string): OrderRecordChanges => ({ refundIds: [...refundIds, id] });
 * ```
 */
export type OrderRecordChanges = Partial<Pick<PointsOrderRecord, 'lines' | 'refundIds' | 'refundedAmount' | 'refundedEligible' | 'pointsReversed' | 'pointsForgiven' | 'growthReversed' | 'redeemed' | 'restored'>>;

/**
 * `order` with `changes` applied, as a new record built field by field in the
 * one field order every order record has (a spread copy would give it another
 * shape, and V8 allocates spread copies young: the store keeps orders for
 * good, so the scavenger then copies each one out; a literal's allocation site
 * is placed in the old generation once its objects are seen to live on).
 *
 * @example
 * ```ts
 * import { blankPointsOrderRecord, changedOrderRecord } from '@memberkit/core';
 * changedOrderRecord(blankPointsOrderRecord('m1', 'o1', 0), { refundIds: ['r1'] }).refundIds;
 * //=> ['r1']
 * ```
 */
export function changedOrderRecord(order: PointsOrderRecord, changes: OrderRecordChanges): PointsOrderRecord {
  return {
    orderId: order.orderId,
    memberId: order.memberId,
    refundIds: changes.refundIds ?? order.refundIds,
    refundedAmount: changes.refundedAmount ?? order.refundedAmount,
    refundedEligible: changes.refundedEligible ?? order.refundedEligible,
    pointsReversed: changes.pointsReversed ?? order.pointsReversed,
    pointsForgiven: changes.pointsForgiven ?? order.pointsForgiven,
    growthReversed: changes.growthReversed ?? order.growthReversed,
    redeemed: changes.redeemed ?? order.redeemed,
    restored: changes.restored ?? order.restored,
    completed: order.completed,
    at: order.at,
    total: order.total,
    eligible: order.eligible,
    points: order.points,
    growth: order.growth,
    lotId: order.lotId,
    lines: changes.lines ?? order.lines,
  };
}
