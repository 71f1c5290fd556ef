import { z } from 'zod';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { inWindow, type TimeWindow } from '../timeWindow.ts';

const SEP = '\u0000';

/**
 * One order line with the buyer's segment and the product's category.
 *
 * @example
 * ```ts
 * import type { SegmentSaleRecord } from '@memberkit/core';
 * const line: SegmentSaleRecord = { customerId: 'c1', segment: 'new parents', category: 'baby food', amount: 8900, at: Date.UTC(2026, 4, 2) };
 * ```
 */
export interface SegmentSaleRecord {
  readonly customerId: string;
  readonly segment: string;
  readonly category: string;
  /** Line amount, integer minor units ≥ 0. */
  readonly amount: number;
  readonly at: number | Date;
}

/**
 * A segment's size and spend now against the previous period.
 *
 * @example
 * ```ts
 * import type { SegmentGrowth } from '@memberkit/core';
 * const g: SegmentGrowth = { segment: 'new parents', customers: 120, previousCustomers: 80, customerGrowth: 0.5, revenue: 900000, previousRevenue: 600000, revenueGrowth: 0.5 };
 * ```
 */
export interface SegmentGrowth {
  readonly segment: string;
  readonly customers: number;
  readonly previousCustomers: number;
  /** customers / previousCustomers − 1; Infinity for a segment new this period. */
  readonly customerGrowth: number;
  readonly revenue: number;
  readonly previousRevenue: number;
  readonly revenueGrowth: number;
}

/**
 * A category a segment buys less of than everyone else (a gap to fill).
 *
 * @example
 * ```ts
 * import type { CategoryGap } from '@memberkit/core';
 * const gap: CategoryGap = { segment: 'new parents', category: 'snacks', segmentShare: 0.02, othersShare: 0.1, lift: 0.2, missedRevenue: 72000 };
 * ```
 */
export interface CategoryGap {
  readonly segment: string;
  readonly category: string;
  /** Category share of the segment's spend this period. */
  readonly segmentShare: number;
  /** Category share of the spend of all other segments. */
  readonly othersShare: number;
  /** segmentShare / othersShare: below 1 means the segment under-buys the category. */
  readonly lift: number;
  /** (othersShare − segmentShare) × segment revenue, minor units: what the segment would spend there at the others' share. */
  readonly missedRevenue: number;
}

const optionsSchema = z.object({ maxLift: z.number().positive().max(1).default(0.8) });

/**
 * Segment-driven assortment (反向开发商品, R-ANA-5): which segments grow
 * (customers and revenue, current vs previous period) and which categories
 * each segment under-buys compared with all other segments, by the lift of
 * category share. Gaps with lift ≤ `maxLift` (default 0.8) are returned,
 * largest missed revenue first: a growing segment with a large gap is a
 * product to source or develop. One streaming pass; memory per
 * segment × category and per customer.
 *
 * @example
 * ```ts
 * import { segmentAssortment } from '@memberkit/core';
 * const line = (segment: string, category: string, amount: number) => ({ customerId: segment, segment, category, amount, at: 5 });
 * const r = segmentAssortment(
 *   [line('students', 'snacks', 900), line('students', 'coffee', 100), line('office', 'snacks', 500), line('office', 'coffee', 500)],
 *   { current: { from: 0, to: 10 }, previous: { from: -10, to: 0 } },
 * );
 * r.gaps.map((g) => [g.segment, g.category, g.lift]);
 * //=> [['students', 'coffee', 0.2], ['office', 'snacks', 0.5555555555555556]]
 * ```
 */
export function segmentAssortment(
  lines: Iterable<SegmentSaleRecord>,
  options: { current: TimeWindow; previous: TimeWindow; maxLift?: number },
): { segments: SegmentGrowth[]; gaps: CategoryGap[] } {
  const { maxLift } = parseOrThrow(optionsSchema, { maxLift: options.maxLift }, 'invalid_input', 'assortment options');
  const isCurrent = inWindow(options.current, 'current');
  const isPrevious = inWindow(options.previous, 'previous');
  const seg = new Map<string, { customers: Set<string>; previousCustomers: Set<string>; revenue: number; previousRevenue: number; categories: Map<string, number> }>();
  const categoryTotal = new Map<string, number>();
  let total = 0;
  let row = 0;
  for (const l of lines) {
    const at = l.at instanceof Date ? l.at.getTime() : l.at;
    if (typeof l.customerId !== 'string' || typeof l.segment !== 'string' || typeof l.category !== 'string' || !Number.isFinite(at)) {
      throw new MemberkitError('invalid_input', `line ${row} needs customerId, segment, category and a time`, { field: `lines.${row}` });
    }
    if (!Number.isSafeInteger(l.amount) || l.amount < 0) throw new MemberkitError('invalid_money', `line ${row}: amount must be non-negative minor units`, { field: `lines.${row}.amount` });
    row++;
    const now = isCurrent(at);
    if (!now && !isPrevious(at)) continue;
    let s = seg.get(l.segment);
    if (!s) seg.set(l.segment, (s = { customers: new Set(), previousCustomers: new Set(), revenue: 0, previousRevenue: 0, categories: new Map() }));
    if (!now) {
      s.previousCustomers.add(l.customerId);
      s.previousRevenue += l.amount;
      continue;
    }
    s.customers.add(l.customerId);
    s.revenue += l.amount;
    s.categories.set(l.category, (s.categories.get(l.category) ?? 0) + l.amount);
    categoryTotal.set(l.category, (categoryTotal.get(l.category) ?? 0) + l.amount);
    total += l.amount;
  }
  if (seg.size === 0) throw new MemberkitError('insufficient_data', 'no lines in either period', { field: 'lines' });
  const growth = (now: number, before: number): number => (before === 0 ? (now === 0 ? 0 : Infinity) : now / before - 1);
  const segments = [...seg.entries()]
    .map(([segment, s]) => ({
      segment,
      customers: s.customers.size,
      previousCustomers: s.previousCustomers.size,
      customerGrowth: growth(s.customers.size, s.previousCustomers.size),
      revenue: s.revenue,
      previousRevenue: s.previousRevenue,
      revenueGrowth: growth(s.revenue, s.previousRevenue),
    }))
    .sort((x, y) => y.customerGrowth - x.customerGrowth || y.revenue - x.revenue || (x.segment < y.segment ? -1 : 1));
  const gaps: CategoryGap[] = [];
  for (const [segment, s] of seg) {
    const othersRevenue = total - s.revenue;
    if (s.revenue === 0 || othersRevenue === 0) continue;
    for (const [category, catTotal] of categoryTotal) {
      const mine = s.categories.get(category) ?? 0;
      const othersShare = (catTotal - mine) / othersRevenue;
      if (othersShare === 0) continue;
      const segmentShare = mine / s.revenue;
      const lift = segmentShare / othersShare;
      if (lift > maxLift) continue;
      gaps.push({ segment, category, segmentShare, othersShare, lift, missedRevenue: Math.round((othersShare - segmentShare) * s.revenue) });
    }
  }
  gaps.sort((x, y) => y.missedRevenue - x.missedRevenue || x.lift - y.lift || (x.segment + SEP + x.category < y.segment + SEP + y.category ? -1 : 1));
  return { segments, gaps };
}
