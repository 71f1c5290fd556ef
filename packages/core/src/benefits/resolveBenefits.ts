import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import type { LoyaltyProgram, TierBenefits } from '../program/programSchema.ts';
import { effectiveTier } from '../tiers/effectiveTier.ts';

/**
 * The benefits (权益) a member holds now, with the tier they come from.
 *
 * @example
 * ```ts
 * import type { ResolvedBenefits } from '@memberkit/core';
 * const shipping = (b: ResolvedBenefits) => (b.freeShipping ? 0 : 1000);
 * ```
 */
export interface ResolvedBenefits extends TierBenefits {
  readonly tierId: string;
  readonly tierName: string;
  /** True when the tier comes from a staff override. */
  readonly overridden: boolean;
}

/**
 * Resolves a member's benefits at `now`: those of the effective tier (an
 * active override counts). A member nothing was recorded for gets the entry
 * tier's benefits.
 *
 * @example
 * ```ts
 * import { defineProgram, resolveBenefits } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0, benefits: { freeShipping: true } }] } });
 * resolveBenefits(p, undefined, 0).freeShipping;
 * //=> true
 * ```
 */
export function resolveBenefits(program: LoyaltyProgram, record: MemberLoyaltyRecord | undefined, now: number): ResolvedBenefits {
  const { level, overridden } = effectiveTier(program, record?.tier ?? null, now);
  return { ...level.benefits, tierId: level.id, tierName: level.name, overridden };
}
