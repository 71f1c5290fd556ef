import { programCalendar } from '../program/programCalendar.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import type { GrowthEntry } from './growthEntry.ts';

/**
 * The first instant of the qualification window that ends at `at`:
 * −Infinity for lifetime, N months back for a rolling window, 1 January for
 * a calendar year.
 *
 * @example
 * ```ts
 * import { defineProgram, tierWindowStart } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'spend', window: { kind: 'calendar_year' }, levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * new Date(tierWindowStart(p, Date.UTC(2026, 6, 1))).toISOString();
 * //=> '2026-01-01T00:00:00.000Z'
 * ```
 */
export function tierWindowStart(program: Pick<LoyaltyProgram, 'tiers' | 'timeZoneOffsetMinutes'>, at: number): number {
  const w = program.tiers.window;
  if (w.kind === 'lifetime') return Number.NEGATIVE_INFINITY;
  const cal = programCalendar(program.timeZoneOffsetMinutes);
  return w.kind === 'rolling_months' ? cal.addMonths(at, -w.months) : cal.yearStart(at, 0);
}

/**
 * The value a member's tier is measured on at `at` (growth value, spend in
 * minor units, or order count), over the program's window. Entries dated
 * after `at` are ignored, so a period-end check evaluated late gives the same
 * answer as one evaluated on time.
 *
 * @example
 * ```ts
 * import { defineProgram, tierMetric } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * tierMetric(p, [{ memberId: 'm', at: 0, recordedAt: 0, value: 10, spend: 1000, orders: 1, source: 'order:o' }], 5);
 * //=> 10
 * ```
 */
export function tierMetric(
  program: Pick<LoyaltyProgram, 'tiers' | 'timeZoneOffsetMinutes'>,
  entries: readonly GrowthEntry[],
  at: number,
  more: readonly GrowthEntry[] = [],
  from: number = tierWindowStart(program, at),
): number {
  const metric = program.tiers.metric;
  return Math.max(0, sumWindow(entries, metric, from, at) + sumWindow(more, metric, from, at));
}

function sumWindow(list: readonly GrowthEntry[], metric: LoyaltyProgram['tiers']['metric'], from: number, at: number): number {
  let sum = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as GrowthEntry;
    if (e.at > at || e.at < from) continue;
    sum += metric === 'growth' ? e.value : metric === 'spend' ? e.spend : e.orders;
  }
  return sum;
}
