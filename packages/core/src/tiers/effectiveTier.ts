import type { LoyaltyProgram } from '../program/programSchema.ts';
import type { TierState } from './tierState.ts';

/**
 * The tier a member holds at `now` and why: an unexpired staff override
 * wins over the earned tier; a member with no state holds the entry tier.
 *
 * @example
 * ```ts
 * import { defineProgram, effectiveTier } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'gold', name: '金卡', threshold: 100 }] } });
 * effectiveTier(p, { tierId: 'basic', since: 0, periodEnd: null, graceUntil: null, override: { tierId: 'gold', reason: 'VIP', setAt: 0, expiresAt: 10 }, history: [] }, 5).level.id;
 * //=> 'gold'
 * ```
 */
export function effectiveTier(program: Pick<LoyaltyProgram, 'tiers'>, state: TierState | null, now: number): { index: number; level: LoyaltyProgram['tiers']['levels'][number]; overridden: boolean } {
  const levels = program.tiers.levels;
  const overridden = overrideActive(state, now);
  const found = levelIndex(levels, heldTierId(state, now));
  // A tier removed from the program since falls back to the entry tier rather than failing reads.
  const index = found < 0 ? 0 : found;
  return { index, level: levels[index] as LoyaltyProgram['tiers']['levels'][number], overridden: overridden && found >= 0 };
}

/**
 * The tier level in effect (see {@link effectiveTier}) without the wrapper object: what every
 * command reads once or twice.
 *
 * @example
 * ```ts
 * import { defineProgram } from '@memberkit/core';
 * import { effectiveLevel } from './effectiveTier.ts';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * effectiveLevel(p, null, 0).id;
 * //=> 'basic'
 * ```
 */
export function effectiveLevel(program: Pick<LoyaltyProgram, 'tiers'>, state: TierState | null, now: number): LoyaltyProgram['tiers']['levels'][number] {
  const levels = program.tiers.levels;
  const found = levelIndex(levels, heldTierId(state, now));
  return levels[found < 0 ? 0 : found] as LoyaltyProgram['tiers']['levels'][number];
}

function overrideActive(state: TierState | null, now: number): boolean {
  return state !== null && state.override != null && state.override.expiresAt > now;
}

/** The tier id `state` holds at `now`: an unexpired override wins; no state, no id. */
function heldTierId(state: TierState | null, now: number): string | undefined {
  if (state === null) return undefined;
  return overrideActive(state, now) ? state.override?.tierId : state.tierId;
}

/** The level's position, or −1. A loop, not findIndex: this runs for every command, and a closure per call is garbage. */
function levelIndex(levels: LoyaltyProgram['tiers']['levels'], id: string | undefined): number {
  for (let i = 0; i < levels.length; i++) if ((levels[i] as { id: string }).id === id) return i;
  return -1;
}
