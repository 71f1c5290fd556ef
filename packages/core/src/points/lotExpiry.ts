import { programCalendar } from '../program/programCalendar.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';

const DAY_MS = 86_400_000;

/**
 * When points earned at `earnedAt` expire under the program's policy: the
 * first instant they are no longer spendable, or `null` if they never
 * expire. Counted from when the points were earned (the order time), not from
 * when they became available, so a return window does not extend validity.
 *
 * @example
 * ```ts
 * import { defineProgram, lotExpiry } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', expiry: { kind: 'end_of_year', years: 1 }, tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * new Date(lotExpiry(p, Date.UTC(2026, 4, 20))!).toISOString();
 * //=> '2028-01-01T00:00:00.000Z'
 * ```
 */
export function lotExpiry(program: Pick<LoyaltyProgram, 'expiry' | 'timeZoneOffsetMinutes'>, earnedAt: number): number | null {
  const e = program.expiry;
  switch (e.kind) {
    case 'never':
      return null;
    case 'days':
      return earnedAt + e.days * DAY_MS;
    case 'end_of_month':
      return programCalendar(program.timeZoneOffsetMinutes).monthStart(earnedAt, e.months + 1);
    case 'end_of_year':
      return programCalendar(program.timeZoneOffsetMinutes).yearStart(earnedAt, e.years + 1);
  }
}
