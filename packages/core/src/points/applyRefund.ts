import { MemberkitError } from '../errors/memberkitError.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { mulDivRound } from '../coupons/mulDivRound.ts';
import { consumeLots } from './consumeLots.ts';
import type { MemberDraft } from './memberDraft.ts';
import { changedOrderRecord, type PointsOrderLine, type PointsOrderRecord } from './pointsOrderRecord.ts';
import { NO_ITEMS } from './noItems.ts';

/**
 * What a refund did to points and growth.
 *
 * @example
 * ```ts
 * import type { RefundPointsResult } from '@memberkit/core';
 * const net = (r: RefundPointsResult) => r.pointsRestored - r.pointsReversed;
 * ```
 */
export interface RefundPointsResult {
  readonly orderId: string;
  readonly refundId: string;
  /** Earned points taken back. */
  readonly pointsReversed: number;
  /** Earned points not taken back because they were spent (per `refundPolicy.whenSpent`). */
  readonly pointsForgiven: number;
  /** Points the member had paid with, given back to their original lots. */
  readonly pointsRestored: number;
  readonly growthReversed: number;
  readonly fullyRefunded: boolean;
}

/** ⌊x × num / den⌋ in exact integer arithmetic (den > 0). */
function floorShare(x: number, num: number, den: number): number {
  return mulDivRound(x, num, den, 'floor');
}

function exceeds(message: string, field: string, details: Record<string, unknown>): MemberkitError {
  return new MemberkitError('refund_exceeds_order', message, { field, details });
}

/** The new line records and the eligible amount the refund adds, for a refund by line. */
function refundLines(order: PointsOrderRecord, products: NonNullable<MemberkitEvent<'order_refunded'>['properties']['products']>): { lines: PointsOrderLine[]; addEligible: number; amount: number } {
  const lines = order.lines.map((l) => ({ ...l }));
  let addEligible = 0;
  let amount = 0;
  products.forEach((p, i) => {
    let left = p.quantity;
    let share = 0;
    for (const line of lines) {
      if (left === 0) break;
      if (line.productId !== p.productId || (p.sku !== undefined && line.sku !== p.sku)) continue;
      const take = Math.min(left, line.quantity - line.refundedQty);
      if (take <= 0) continue;
      share += floorShare(line.eligible, line.refundedQty + take, line.quantity) - floorShare(line.eligible, line.refundedQty, line.quantity);
      (line as { refundedQty: number }).refundedQty += take;
      left -= take;
    }
    if (left > 0) throw exceeds(`refund of ${p.quantity} × ${p.productId} exceeds what remains on order ${order.orderId}`, `properties.products.${i}.quantity`, { productId: p.productId });
    addEligible += share;
    // The merchant's refunded amount wins when given (it may include shipping); otherwise the line's paid share.
    amount += p.amount ?? share;
  });
  return { lines, addEligible, amount };
}

/**
 * Applies a refund reported by the merchant backend, in proportion to the
 * paid amount refunded (by line: the refunded quantity's share of each
 * line; by amount: the amount's share of the order total; with neither: the
 * rest of the order), using the figures recorded when the order earned, so
 * later rule changes do not matter. Cumulative shares are floored, so
 * several partial refunds add up exactly to a full one. In order:
 * 1. points the member paid with are given back to the lots they came from,
 *    keeping those lots' expiry;
 * 2. earned points are taken from the order's own lot (pending first);
 * 3. if they were spent, `refundPolicy.whenSpent` decides: `pending_only`
 *    forgives the rest, `within_balance` takes it from other lots up to the
 *    balance, `allow_negative` also lets the balance fall to `negativeFloor`;
 * 4. growth value and spend are deducted (dated at the order).
 *
 * @example
 * ```ts
 * import { MemberDraft, applyRefund, defineProgram, emptyMemberRecord } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * (() => { try { applyRefund(p, new MemberDraft(emptyMemberRecord('m1'), 0), { id: 'e', type: 'order_refunded', timestamp: 0, userId: 'm1', source: 'server', properties: { orderId: 'nope', currency: 'CNY' } }); } catch (e) { return (e as { code: string }).code; } })();
 * //=> 'order_not_found'
 * ```
 */
export function applyRefund(program: LoyaltyProgram, draft: MemberDraft, event: MemberkitEvent<'order_refunded'>): RefundPointsResult {
  const p = event.properties;
  const order = draft.order(p.orderId);
  if (order === undefined || !order.completed) throw new MemberkitError('order_not_found', `no completed order ${p.orderId} for member ${draft.memberId}`, { field: 'properties.orderId' });
  const refundId = p.refundId ?? event.id;
  const source = `refund:${p.orderId}:${refundId}`;
  draft.claimSource(source);

  let lines: readonly PointsOrderLine[] = order.lines;
  let addEligible: number;
  let amount: number;
  if (p.products !== undefined && p.products.length > 0) {
    const r = refundLines(order, p.products);
    lines = r.lines;
    addEligible = r.addEligible;
    amount = p.total ?? r.amount;
  } else if (p.total !== undefined) {
    amount = p.total;
    const after = Math.min(order.total, order.refundedAmount + amount);
    addEligible = order.total === 0 ? 0 : floorShare(order.eligible, after, order.total) - floorShare(order.eligible, order.refundedAmount, order.total);
  } else {
    amount = order.total - order.refundedAmount;
    addEligible = order.eligible - order.refundedEligible;
    lines = order.lines.map((l) => ({ ...l, refundedQty: l.quantity }));
    if (amount === 0 && addEligible === 0) throw exceeds(`order ${p.orderId} is already fully refunded`, 'properties.orderId', { orderId: p.orderId });
  }
  if (order.refundedAmount + amount > order.total) {
    throw exceeds(`refund ${amount} exceeds what remains of order ${p.orderId} (${order.total - order.refundedAmount})`, 'properties.total', { remaining: order.total - order.refundedAmount, requested: amount });
  }
  const refundedAmount = order.refundedAmount + amount;
  const refundedEligible = Math.min(order.eligible, order.refundedEligible + addEligible);
  // The cumulative refunded fraction num/den of the order.
  const [num, den] = order.eligible > 0 ? [refundedEligible, order.eligible] : order.total > 0 ? [refundedAmount, order.total] : [1, 1];
  const full = num >= den;

  // 1. Give back points paid with, to their original lots.
  let pointsRestored = 0;
  const restored = order.redeemed.length === 0 ? NO_ITEMS : order.redeemed.map((a) => {
    const before = order.restored.find((r) => r.lotId === a.lotId)?.points ?? 0;
    const give = (full ? a.points : floorShare(a.points, num, den)) - before;
    if (give > 0) {
      draft.write('reverse', a.lotId, 'available', give, draft.now, source, 'points paid with, given back by refund');
      pointsRestored += give;
    }
    return { lotId: a.lotId, points: before + Math.max(0, give) };
  });

  // 2.–3. Take back earned points, per policy.
  const target = full ? order.points : floorShare(order.points, num, den);
  let owed = Math.max(0, target - order.pointsReversed - order.pointsForgiven);
  const due = owed;
  const lot = order.lotId === null ? undefined : draft.lot(order.lotId);
  if (lot !== undefined && owed > 0) {
    const fromPending = Math.min(owed, lot.pending);
    if (fromPending > 0) draft.write('reverse', lot.id, 'pending', -fromPending, draft.now, source);
    owed -= fromPending;
    // Expired lots were already emptied by settleDue, so what remains here is spendable.
    const fromLot = Math.min(owed, Math.max(0, (draft.lot(lot.id) as typeof lot).available));
    if (fromLot > 0) draft.write('reverse', lot.id, 'available', -fromLot, draft.now, source);
    owed -= fromLot;
  }
  const policy = program.refundPolicy;
  if (owed > 0 && policy.whenSpent !== 'pending_only') {
    const taken = consumeLots(draft, Math.min(owed, Math.max(0, draft.available)), 'reverse', source, order.lotId ?? undefined);
    for (const t of taken) owed -= t.points;
  }
  if (owed > 0 && policy.whenSpent === 'allow_negative') {
    const room = Math.min(owed, Math.max(0, draft.available - policy.negativeFloor));
    if (room > 0) draft.write('reverse', draft.debtLot().id, 'available', -room, draft.now, source, 'spent points owed after refund');
    owed -= room;
  }
  const pointsReversed = due - owed;

  // 4. Growth value, spend and order count, dated at the order so windows count them where the order counted.
  const growthTarget = full ? order.growth : floorShare(order.growth, num, den);
  const growthReversed = growthTarget - order.growthReversed;
  draft.addGrowth({ memberId: draft.memberId, at: order.at, recordedAt: draft.now, value: -growthReversed, spend: -addEligible, orders: full ? -1 : 0, source });

  draft.putOrder(
    changedOrderRecord(order, {
      lines,
      refundIds: order.refundIds.length === 0 ? [refundId] : [...order.refundIds, refundId],
      refundedAmount,
      refundedEligible,
      pointsReversed: order.pointsReversed + pointsReversed,
      pointsForgiven: order.pointsForgiven + owed,
      growthReversed: growthTarget,
      restored,
    }),
  );
  return { orderId: p.orderId, refundId, pointsReversed, pointsForgiven: owed, pointsRestored, growthReversed, fullyRefunded: full };
}
