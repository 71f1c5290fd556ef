import { z } from 'zod';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { orderTime, type OrderRecord } from '../orderRecord.ts';

/**
 * One row of a cohort retention matrix: customers whose first order fell in
 * `cohort` (YYYY-MM), and how many ordered again k months later.
 *
 * @example
 * ```ts
 * import type { CohortRow } from '@memberkit/core';
 * const row: CohortRow = { cohort: '2026-01', size: 100, active: [100, 32, 25], retention: [1, 0.32, 0.25] };
 * ```
 */
export interface CohortRow {
  readonly cohort: string;
  readonly size: number;
  /** `active[k]`: customers of the cohort with an order in month k after their first (k = 0 is the cohort itself). */
  readonly active: readonly number[];
  /** `active[k] / size`. */
  readonly retention: readonly number[];
}

const optionsSchema = z.object({
  /** Minutes east of UTC for month boundaries, e.g. 480 for China Standard Time. */
  utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
});

const monthOf = (at: number, offsetMs: number): number => {
  const d = new Date(at + offsetMs);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const label = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/**
 * Cohort retention matrix by first-purchase month (R-ANA-1): rows are
 * cohorts, columns months since the first order, cells the share of the
 * cohort that ordered in that month. Streams once; keeps each customer's
 * distinct order months (a handful), so input need not be sorted. Months
 * are calendar months at `utcOffsetMinutes` (the store's time zone).
 *
 * @example
 * ```ts
 * import { cohortRetention } from '@memberkit/core';
 * const rows = cohortRetention([
 *   { customerId: 'a', at: Date.UTC(2026, 0, 5), amount: 100 },
 *   { customerId: 'a', at: Date.UTC(2026, 2, 5), amount: 100 },
 *   { customerId: 'b', at: Date.UTC(2026, 0, 9), amount: 100 },
 * ]);
 * rows[0];
 * //=> { cohort: '2026-01', size: 2, active: [2, 0, 1], retention: [1, 0, 0.5] }
 * ```
 */
export function cohortRetention(orders: Iterable<OrderRecord>, options: { utcOffsetMinutes?: number } = {}): CohortRow[] {
  const { utcOffsetMinutes } = parseOrThrow(optionsSchema, options, 'invalid_input', 'cohort options');
  const offset = utcOffsetMinutes * 60_000;
  const months = new Map<string, number[]>();
  let last = -Infinity;
  let row = 0;
  for (const o of orders) {
    const m = monthOf(orderTime(o, row++), offset);
    if (m > last) last = m;
    const list = months.get(o.customerId);
    if (!list) months.set(o.customerId, [m]);
    else if (!list.includes(m)) list.push(m);
  }
  if (months.size === 0) throw new MemberkitError('insufficient_data', 'no orders', { field: 'orders' });
  const cohorts = new Map<number, { size: number; active: number[] }>();
  for (const list of months.values()) {
    const first = Math.min(...list);
    let c = cohorts.get(first);
    if (!c) cohorts.set(first, (c = { size: 0, active: new Array<number>(last - first + 1).fill(0) }));
    c.size++;
    for (const m of list) c.active[m - first]!++;
  }
  return [...cohorts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([m, c]) => ({ cohort: label(m), size: c.size, active: c.active, retention: c.active.map((a) => a / c.size) }));
}
