import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import type { LoyaltyProgram, TierBenefits } from '../program/programSchema.ts';
import { effectiveTier } from './effectiveTier.ts';
import { tierMetric, tierWindowStart } from './tierMetric.ts';
import type { TierChange } from './tierState.ts';

/**
 * What the growth-tree widget (会员成长树, R-LOY-2) renders: where the member
 * is, what the next tier needs, what keeping the current one needs and by
 * when, what each tier unlocks, and how the member got here. Plain data, so
 * a widget can render it without knowing any rule.
 *
 * @example
 * ```ts
 * import type { GrowthTree } from '@memberkit/core';
 * const label = (t: GrowthTree) => (t.next ? `${t.next.gap} to ${t.next.name}` : 'top tier');
 * ```
 */
export interface GrowthTree {
  readonly asOf: number;
  readonly metric: LoyaltyProgram['tiers']['metric'];
  /** Current value of the metric over the program's window (spend in minor units). */
  readonly value: number;
  readonly currency: string;
  readonly tier: { readonly id: string; readonly name: string; readonly index: number; readonly since: number | null; readonly overridden: boolean; readonly overrideExpiresAt: number | null };
  readonly next: { readonly id: string; readonly name: string; readonly threshold: number; readonly gap: number } | null;
  /** What keeping the tier needs (保级); `null` on the entry tier, which cannot fall. */
  readonly keep: { readonly threshold: number; readonly value: number; readonly gap: number; readonly deadline: number; readonly inGrace: boolean } | null;
  readonly levels: readonly { readonly id: string; readonly name: string; readonly threshold: number; readonly keep: number; readonly benefits: TierBenefits; readonly reached: boolean; readonly current: boolean }[];
  readonly history: readonly TierChange[];
}

/**
 * Builds the {@link GrowthTree} payload for a member at `now`.
 *
 * @example
 * ```ts
 * import { defineProgram, growthTree } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'silver', name: '银卡', threshold: 1000 }] } });
 * growthTree(p, undefined, 0).next;
 * //=> { id: 'silver', name: '银卡', threshold: 1000, gap: 1000 }
 * ```
 */
export function growthTree(program: LoyaltyProgram, record: MemberLoyaltyRecord | undefined, now: number): GrowthTree {
  const levels = program.tiers.levels;
  const state = record?.tier ?? null;
  const { index, level, overridden } = effectiveTier(program, state, now);
  const value = tierMetric(program, record?.growth ?? [], now);
  const nextLevel = levels[index + 1];
  const keepThreshold = level.keep ?? level.threshold;
  const deadline = state === null ? null : (state.graceUntil ?? state.periodEnd);
  // Progress towards keeping the tier counts the window that closes at the period end.
  const keepValue = state?.periodEnd == null ? value : tierMetric(program, record?.growth ?? [], now, [], tierWindowStart(program, state.periodEnd - 1));
  return {
    asOf: now,
    metric: program.tiers.metric,
    value,
    currency: program.currency,
    tier: { id: level.id, name: level.name, index, since: state?.since ?? null, overridden, overrideExpiresAt: overridden ? (state?.override?.expiresAt ?? null) : null },
    next: nextLevel === undefined ? null : { id: nextLevel.id, name: nextLevel.name, threshold: nextLevel.threshold, gap: Math.max(0, nextLevel.threshold - value) },
    keep: index === 0 || deadline === null || overridden ? null : { threshold: keepThreshold, value: keepValue, gap: Math.max(0, keepThreshold - keepValue), deadline, inGrace: state?.graceUntil != null },
    levels: levels.map((l, i) => ({ id: l.id, name: l.name, threshold: l.threshold, keep: l.keep ?? l.threshold, benefits: l.benefits, reached: i <= index, current: i === index })),
    history: state?.history ?? [],
  };
}
