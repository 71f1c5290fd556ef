import { MemberkitError } from '../errors/memberkitError.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { consumeLots, type LotAllocation } from './consumeLots.ts';
import { lotExpiry } from './lotExpiry.ts';
import type { MemberDraft } from './memberDraft.ts';
import { NO_ITEMS } from './noItems.ts';

/**
 * A manual correction by staff: positive credits a new lot (expiring per the
 * program), negative takes points like a redemption.
 *
 * @example
 * ```ts
 * import type { AdjustInput } from '@memberkit/core';
 * const a: AdjustInput = { memberId: 'm1', points: 100, reason: 'goodwill after late delivery', idempotencyKey: 'ticket-42' };
 * ```
 */
export interface AdjustInput {
  readonly memberId: string;
  readonly points: number;
  readonly reason: string;
  readonly idempotencyKey: string;
}

/**
 * What an adjustment did.
 *
 * @example
 * ```ts
 * import type { AdjustmentResult } from '@memberkit/core';
 * const credited = (r: AdjustmentResult) => r.lotId !== null;
 * ```
 */
export interface AdjustmentResult {
  readonly points: number;
  readonly lotId: string | null;
  readonly allocations: readonly LotAllocation[];
}

/**
 * Applies a manual adjustment. A debit never takes the balance below zero
 * (a negative balance is only ever the refund policy's doing).
 *
 * @example
 * ```ts
 * import { MemberDraft, applyAdjustment, defineProgram, emptyMemberRecord } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * const d = new MemberDraft(emptyMemberRecord('m1'), 0);
 * applyAdjustment(p, d, { memberId: 'm1', points: 30, reason: 'goodwill', idempotencyKey: 'k' }).lotId;
 * //=> 'L1'
 * ```
 */
export function applyAdjustment(program: LoyaltyProgram, draft: MemberDraft, input: AdjustInput): AdjustmentResult {
  const source = `adjust:${input.idempotencyKey}`;
  draft.claimSource(source);
  if (input.points > 0) {
    const lot = draft.addLot({ origin: 'adjust', source, earnedAt: draft.now, activatesAt: null, expiresAt: lotExpiry(program, draft.now), points: input.points });
    draft.write('adjust', lot.id, 'available', input.points, draft.now, source, input.reason);
    return { points: input.points, lotId: lot.id, allocations: NO_ITEMS };
  }
  const debit = -input.points;
  if (draft.available < debit) {
    throw new MemberkitError('insufficient_points', `balance ${draft.available} is below the debit ${debit}`, { field: 'points', details: { balance: draft.available, requested: debit } });
  }
  return { points: input.points, lotId: null, allocations: consumeLots(draft, debit, 'adjust', source) };
}
