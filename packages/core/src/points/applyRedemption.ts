import { MemberkitError } from '../errors/memberkitError.ts';
import { consumeLots, type LotAllocation } from './consumeLots.ts';
import type { MemberDraft } from './memberDraft.ts';
import { blankPointsOrderRecord, changedOrderRecord } from './pointsOrderRecord.ts';

/**
 * A redemption request: points to spend, optionally on an order (so a refund
 * of that order can give them back).
 *
 * @example
 * ```ts
 * import type { RedeemInput } from '@memberkit/core';
 * const r: RedeemInput = { memberId: 'm1', points: 500, orderId: 'o9', idempotencyKey: 'checkout-o9' };
 * ```
 */
export interface RedeemInput {
  readonly memberId: string;
  readonly points: number;
  readonly orderId?: string | undefined;
  readonly reason?: string | undefined;
  readonly idempotencyKey: string;
}

/**
 * What a redemption spent and from which lots.
 *
 * @example
 * ```ts
 * import type { RedemptionResult } from '@memberkit/core';
 * const lots = (r: RedemptionResult) => r.allocations.map((a) => a.lotId);
 * ```
 */
export interface RedemptionResult {
  readonly points: number;
  readonly orderId: string | null;
  readonly allocations: readonly LotAllocation[];
}

/**
 * Spends points, closest expiry first, recording which lots paid. Fails with
 * `insufficient_points` (changing nothing) when the spendable balance is
 * short; the check runs on the version the commit applies to, so two
 * concurrent redemptions can never both pass on the same points. One
 * redemption per order, ever.
 *
 * @example
 * ```ts
 * import { MemberDraft, applyRedemption, emptyMemberRecord } from '@memberkit/core';
 * (() => { try { applyRedemption(new MemberDraft(emptyMemberRecord('m1'), 0), { memberId: 'm1', points: 5, idempotencyKey: 'k' }); } catch (e) { return (e as { code: string }).code; } })();
 * //=> 'insufficient_points'
 * ```
 */
export function applyRedemption(draft: MemberDraft, input: RedeemInput): RedemptionResult {
  const source = input.orderId === undefined ? `redeem:key:${input.idempotencyKey}` : `redeem:${input.orderId}`;
  draft.claimSource(source);
  if (input.orderId !== undefined) {
    const order = draft.order(input.orderId);
    if (order !== undefined && order.refundIds.length > 0) {
      throw new MemberkitError('points_policy_violation', `order ${input.orderId} has refunds; points cannot be spent on it any more`, { field: 'orderId' });
    }
  }
  if (draft.available < input.points) {
    throw new MemberkitError('insufficient_points', `balance ${draft.available} is below ${input.points}`, {
      field: 'points',
      details: { balance: draft.available, requested: input.points },
    });
  }
  const allocations = consumeLots(draft, input.points, 'redeem', source);
  if (input.orderId !== undefined) {
    const known = draft.order(input.orderId);
    draft.putOrder(known === undefined ? blankPointsOrderRecord(draft.memberId, input.orderId, draft.now, allocations) : changedOrderRecord(known, { redeemed: allocations }));
  }
  return { points: input.points, orderId: input.orderId ?? null, allocations };
}
