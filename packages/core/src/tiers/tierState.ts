/**
 * One change of a member's tier, for the growth tree's history.
 *
 * @example
 * ```ts
 * import type { TierChange } from '@memberkit/core';
 * const c: TierChange = { at: 0, from: 'basic', to: 'silver', reason: 'upgrade' };
 * ```
 */
export interface TierChange {
  readonly at: number;
  readonly from: string | null;
  readonly to: string;
  readonly reason: 'join' | 'upgrade' | 'downgrade' | 'kept' | 'grace' | 'override' | 'override_expired';
  readonly note?: string;
}

/**
 * A staff decision that wins over the computed tier until it expires.
 *
 * @example
 * ```ts
 * import type { TierOverride } from '@memberkit/core';
 * const o: TierOverride = { tierId: 'gold', reason: 'VIP complaint', setAt: 0, expiresAt: 86_400_000 };
 * ```
 */
export interface TierOverride {
  readonly tierId: string;
  readonly reason: string;
  readonly setAt: number;
  readonly expiresAt: number;
}

/**
 * Where a member stands on the tier ladder. `tierId` is the earned tier;
 * an active `override` wins over it (see `effectiveTier`).
 *
 * @example
 * ```ts
 * import type { TierState } from '@memberkit/core';
 * const s: TierState = { tierId: 'basic', since: 0, periodEnd: null, graceUntil: null, override: null, history: [] };
 * ```
 */
export interface TierState {
  readonly tierId: string;
  readonly since: number;
  /** When the keep check (保级) is due; `null` for the entry tier, which cannot fall. */
  readonly periodEnd: number | null;
  /** Set while the member missed `keep` and is in the grace period. */
  readonly graceUntil: number | null;
  readonly override: TierOverride | null;
  readonly history: readonly TierChange[];
}
