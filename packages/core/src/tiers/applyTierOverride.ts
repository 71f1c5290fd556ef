import { MemberkitError } from '../errors/memberkitError.ts';
import type { MemberDraft } from '../points/memberDraft.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { effectiveTier } from './effectiveTier.ts';
import type { TierState } from './tierState.ts';

/**
 * A staff override of a member's tier.
 *
 * @example
 * ```ts
 * import type { TierOverrideInput } from '@memberkit/core';
 * const o: TierOverrideInput = { memberId: 'm1', tierId: 'gold', reason: 'compensation for order 881', expiresAt: Date.UTC(2026, 11, 31), idempotencyKey: 'ovr-881' };
 * ```
 */
export interface TierOverrideInput {
  readonly memberId: string;
  readonly tierId: string;
  readonly reason: string;
  readonly expiresAt: number;
  readonly idempotencyKey: string;
}

/**
 * Sets a manual tier, up or down, with a reason and an expiry. While it
 * lasts it wins over the earned tier (which keeps being computed
 * underneath); when it expires the member returns to the earned tier.
 *
 * @example
 * ```ts
 * import { MemberDraft, applyTierOverride, defineProgram, emptyMemberRecord } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * (() => { try { applyTierOverride(p, new MemberDraft(emptyMemberRecord('m1'), 0), { memberId: 'm1', tierId: 'diamond', reason: 'x', expiresAt: 10, idempotencyKey: 'k' }); } catch (e) { return (e as { code: string }).code; } })();
 * //=> 'tier_not_found'
 * ```
 */
export function applyTierOverride(program: LoyaltyProgram, draft: MemberDraft, input: TierOverrideInput): TierState {
  if (!program.tiers.levels.some((l) => l.id === input.tierId)) {
    throw new MemberkitError('tier_not_found', `no tier ${input.tierId} in program ${program.id}`, { field: 'tierId', details: { tierId: input.tierId } });
  }
  if (input.expiresAt <= draft.now) throw new MemberkitError('invalid_input', 'an override must expire in the future', { field: 'expiresAt' });
  const state = draft.currentTier() as TierState;
  const from = effectiveTier(program, state, draft.now).level.id;
  const next: TierState = {
    ...state,
    override: { tierId: input.tierId, reason: input.reason, setAt: draft.now, expiresAt: input.expiresAt },
    history: [...state.history, { at: draft.now, from, to: input.tierId, reason: 'override', note: input.reason }],
  };
  draft.tier = next;
  return next;
}
