import { MemberkitError } from '../errors/memberkitError.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { effectiveLevel } from '../tiers/effectiveTier.ts';
import { applyRedemption } from './applyRedemption.ts';
import type { LotAllocation } from './consumeLots.ts';
import { lotExpiry } from './lotExpiry.ts';
import type { MemberDraft } from './memberDraft.ts';
import { orderEarning } from './orderEarning.ts';
import { blankPointsOrderRecord, type PointsOrderRecord } from './pointsOrderRecord.ts';
import { NO_ITEMS } from './noItems.ts';

const DAY_MS = 86_400_000;
/** The fields a new order record starts with (its ids and times are set by `applyOrder`). */
const BLANK_ORDER = blankPointsOrderRecord('', '', 0);

/**
 * What recording an order did.
 *
 * @example
 * ```ts
 * import type { OrderPointsResult } from '@memberkit/core';
 * const when = (r: OrderPointsResult) => r.activatesAt;
 * ```
 */
export interface OrderPointsResult {
  readonly orderId: string;
  readonly points: number;
  readonly growth: number;
  readonly multiplier: number;
  readonly lotId: string | null;
  /** When the points become spendable (the return window end); `null` if at once or none. */
  readonly activatesAt: number | null;
  readonly expiresAt: number | null;
  /** Points the order was paid with: its `pointsRedeemed`, or what the checkout redeemed on it; 0 if none. */
  readonly pointsRedeemed: number;
  /** The lots those points came from: taken now, or by the checkout's earlier `redeemPoints` on this order. */
  readonly redeemed: readonly LotAllocation[];
}

/**
 * Checks that an event may move points: it must be an order event reported
 * by the merchant's backend (`source: 'server'`) in the program currency for
 * a known user. A browser can report an order, but it can never earn points.
 *
 * @example
 * ```ts
 * import { assertTrustedOrderEvent } from '@memberkit/core';
 * (() => { try { assertTrustedOrderEvent({ source: 'client', userId: 'm1', properties: { currency: 'CNY' } }, 'CNY'); } catch (e) { return (e as { code: string }).code; } })();
 * //=> 'untrusted_source'
 * ```
 */
export function assertTrustedOrderEvent(event: { source: string; userId?: string | undefined; properties: { currency: string } }, currency: string): string {
  if (event.source !== 'server') {
    throw new MemberkitError('untrusted_source', 'points are earned and reversed only from orders reported by the merchant backend (source: server)', { field: 'source' });
  }
  if (event.userId === undefined) throw new MemberkitError('invalid_event', 'an order event that moves points needs userId (the member id)', { field: 'userId' });
  if (event.properties.currency !== currency) {
    throw new MemberkitError('currency_mismatch', `order currency ${event.properties.currency} differs from the program currency ${currency}`, {
      field: 'properties.currency',
      details: { expected: currency, actual: event.properties.currency },
    });
  }
  return event.userId;
}

/**
 * The points an order says it was paid with (`pointsRedeemed`), spent in
 * the same draft as the earn: if the checkout already spent them with
 * `redeemPoints` on this order, the amounts must agree (nothing is spent
 * twice); otherwise they are redeemed now, closest expiry first, before the
 * order's own lot exists (an order never pays with the points it earns).
 */
function payWithPoints(draft: MemberDraft, orderId: string, points: number): readonly LotAllocation[] {
  const known = draft.order(orderId);
  // A checkout redemption on this order always wrote its order record, so without one there is
  // no `redeem:` source to look for (and no string to build for every order).
  if (known !== undefined && draft.hasSource(`redeem:${orderId}`)) {
    const paid = known?.redeemed.reduce((sum, a) => sum + a.points, 0) ?? 0;
    if (points > 0 && paid !== points) {
      throw new MemberkitError('points_policy_violation', `order ${orderId} reports ${points} points paid, but ${paid} were redeemed for it at checkout`, {
        field: 'properties.pointsRedeemed',
        details: { reported: points, redeemed: paid },
      });
    }
    return known?.redeemed ?? NO_ITEMS;
  }
  if (points === 0) return NO_ITEMS;
  return applyRedemption(draft, { memberId: draft.memberId, points, orderId, idempotencyKey: `order:${orderId}` }).allocations;
}

/**
 * Records a completed order: a points lot (pending until the return window
 * passes), growth value, spend and order count. The order source can be
 * written once per member, ever, whatever idempotency key a redelivery uses.
 * Points use the multiplier of the tier held when the order was placed.
 *
 * An order paid partly with points (`pointsRedeemed`, 积分抵现) spends them
 * in the same atomic change as the earn (`insufficient_points` and nothing
 * written if the balance is short), unless the checkout already redeemed
 * them on this order. Points are a deduction like a discount: `total` is the
 * money paid after it, so the order earns on the cash paid only. A refund
 * gives the points back to their original lots (see `applyRefund`).
 *
 * @example
 * ```ts
 * import { MemberDraft, applyOrder, defineProgram, emptyMemberRecord } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', returnWindowDays: 7, tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * const d = new MemberDraft(emptyMemberRecord('m1'), 0);
 * applyOrder(p, d, { id: 'e1', type: 'order_completed', timestamp: 0, userId: 'm1', source: 'server', properties: { orderId: 'o1', currency: 'CNY', total: 19900, products: [{ productId: 'a', price: 19900, quantity: 1 }] } }).points;
 * //=> 199
 * ```
 */
export function applyOrder(program: LoyaltyProgram, draft: MemberDraft, event: MemberkitEvent<'order_completed'>): OrderPointsResult {
  const props = event.properties;
  const source = `order:${props.orderId}`;
  draft.claimSource(source);
  const redeemed = payWithPoints(draft, props.orderId, props.pointsRedeemed ?? 0);
  const pointsRedeemed = redeemed.reduce((sum, a) => sum + a.points, 0);
  const multiplier = effectiveLevel(program, draft.currentTier(), event.timestamp).benefits.pointsMultiplier;
  const earning = orderEarning(program, props, multiplier);
  const expiresAt = lotExpiry(program, event.timestamp);
  let lotId: string | null = null;
  let activatesAt: number | null = null;
  if (earning.points > 0) {
    const windowed = program.returnWindowDays > 0;
    activatesAt = windowed ? event.timestamp + program.returnWindowDays * DAY_MS : null;
    const lot = draft.addLot({ origin: 'order', source, earnedAt: event.timestamp, activatesAt, expiresAt, points: earning.points });
    lotId = lot.id;
    draft.write(windowed ? 'pending' : 'earn', lot.id, windowed ? 'pending' : 'available', earning.points, event.timestamp, source);
  }
  draft.addGrowth({ memberId: draft.memberId, at: event.timestamp, recordedAt: draft.now, value: earning.growth, spend: earning.eligible, orders: 1, source });
  // A redemption at checkout may have created the record already; keep what it paid with. Built
  // field by field from it or from the shared blank: one object per order, not a blank and a copy.
  const known = draft.order(props.orderId) ?? BLANK_ORDER;
  const order: PointsOrderRecord = {
    orderId: props.orderId,
    memberId: draft.memberId,
    refundIds: known.refundIds,
    refundedAmount: known.refundedAmount,
    refundedEligible: known.refundedEligible,
    pointsReversed: known.pointsReversed,
    pointsForgiven: known.pointsForgiven,
    growthReversed: known.growthReversed,
    redeemed: known.redeemed,
    restored: known.restored,
    completed: true,
    at: event.timestamp,
    total: props.total,
    eligible: earning.eligible,
    points: earning.points,
    growth: earning.growth,
    lotId,
    lines: earning.lines,
  };
  draft.putOrder(order);
  return { orderId: props.orderId, points: earning.points, growth: earning.growth, multiplier, lotId, activatesAt, expiresAt, pointsRedeemed, redeemed };
}
