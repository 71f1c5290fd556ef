import type { CouponTemplate } from './couponTemplate.ts';

/**
 * A coupon competing for a place in an order, in the order its code was given.
 *
 * @example
 * ```ts
 * import type { StackingCandidate } from '@memberkit/core';
 * const c: StackingCandidate = { code: 'A', stacking: { mode: 'exclusive' } };
 * ```
 */
export interface StackingCandidate {
  readonly code: string;
  readonly stacking: CouponTemplate['stacking'];
}

/**
 * Decides which coupons may be used together, walking the codes in the
 * order given (the member's choice: an earlier code wins a conflict):
 * an `exclusive` coupon is accepted only if nothing was accepted before it,
 * and once one is accepted nothing else is; a `stackable` coupon is accepted
 * while its group holds fewer than the smallest `maxPerOrder` of the group's
 * accepted coupons and itself. Returns, per candidate, `undefined` when
 * accepted or the facts of the conflict.
 *
 * @example
 * ```ts
 * import { selectStackable } from '@memberkit/core';
 * const conflicts = selectStackable([
 *   { code: 'A', stacking: { mode: 'stackable', group: 'g', maxPerOrder: 1 } },
 *   { code: 'B', stacking: { mode: 'stackable', group: 'g', maxPerOrder: 1 } },
 * ]);
 * conflicts;
 * //=> [undefined, { conflictsWith: ['A'], group: 'g', maxPerOrder: 1 }]
 * ```
 */
export function selectStackable(candidates: readonly StackingCandidate[]): (Record<string, unknown> | undefined)[] {
  const accepted: StackingCandidate[] = [];
  return candidates.map((c) => {
    const exclusive = accepted.find((a) => a.stacking.mode === 'exclusive');
    if (exclusive) return { conflictsWith: [exclusive.code], exclusive: true };
    if (c.stacking.mode === 'exclusive') {
      if (accepted.length > 0) return { conflictsWith: accepted.map((a) => a.code), exclusive: true };
      accepted.push(c);
      return undefined;
    }
    const group = c.stacking.group;
    const same = accepted.filter((a) => a.stacking.mode === 'stackable' && a.stacking.group === group);
    let max = c.stacking.maxPerOrder;
    for (const a of same) if (a.stacking.mode === 'stackable') max = Math.min(max, a.stacking.maxPerOrder);
    if (same.length >= max) return { conflictsWith: same.map((a) => a.code), group, maxPerOrder: max };
    accepted.push(c);
    return undefined;
  });
}
