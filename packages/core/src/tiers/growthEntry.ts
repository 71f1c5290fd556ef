/**
 * One change to what a member's tier is measured on: growth value (成长值),
 * spend (minor units) and order count. Refund deductions are dated at the
 * order's time (`at`) so that a rolling window counts them where the order
 * counted, not in the month the refund happened.
 *
 * @example
 * ```ts
 * import type { GrowthEntry } from '@memberkit/core';
 * const e: GrowthEntry = { memberId: 'm1', at: 0, recordedAt: 0, value: 199, spend: 19900, orders: 1, source: 'order:o1' };
 * ```
 */
export interface GrowthEntry {
  readonly memberId: string;
  readonly at: number;
  readonly recordedAt: number;
  readonly value: number;
  readonly spend: number;
  readonly orders: number;
  readonly source: string;
}
