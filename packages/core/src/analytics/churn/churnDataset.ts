import { z } from 'zod';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { currencyGuard, orderTime, type OrderRecord } from '../orderRecord.ts';

const DAY = 86_400_000;

/**
 * The churn features, in column order. All are computed from orders up to
 * `asOf` only, and log-scaled where counts, days and money are skewed:
 * - `recency`: log(1 + days since the last order);
 * - `frequency`: log(1 + number of orders);
 * - `tenure`: log(1 + days since the first order);
 * - `monetary`: log(1 + mean order amount, major units);
 * - `recentOrders`: log(1 + orders in the last `recentDays`), engagement;
 * - `repeat`: 1 when the customer ordered more than once;
 * - `gapRatio`: log of the current gap over the customer's mean gap (0 for one-time buyers): "later than usual";
 * - `intervalGrowth`: log of the last gap over the mean of the earlier gaps (0 below 3 orders): slowing down;
 * - `aovChange`: log of the last order amount over the mean of the earlier ones (0 for one order): AOV falling (R-LIFE-3);
 * then one `engagement:<type>` column per requested engagement type: log(1 + events in the last `engagementDays`).
 *
 * @example
 * ```ts
 * import { CHURN_FEATURES } from '@memberkit/core';
 * CHURN_FEATURES[0];
 * //=> 'recency'
 * ```
 */
export const CHURN_FEATURES = ['recency', 'frequency', 'tenure', 'monetary', 'recentOrders', 'repeat', 'gapRatio', 'intervalGrowth', 'aovChange'] as const;

/**
 * A behaviour event for engagement features (visits, email opens, add-to-cart).
 *
 * @example
 * ```ts
 * import type { EngagementRecord } from '@memberkit/core';
 * const e: EngagementRecord = { customerId: 'c1', at: Date.UTC(2026, 0, 5), type: 'product_viewed' };
 * ```
 */
export interface EngagementRecord {
  readonly customerId: string;
  readonly at: number | Date;
  readonly type: string;
}

/**
 * Options of {@link churnDataset}.
 *
 * @example
 * ```ts
 * import type { ChurnDatasetOptions } from '@memberkit/core';
 * const options: ChurnDatasetOptions = { asOf: Date.UTC(1997, 8, 30, 23, 59, 59), labelEnd: Date.UTC(1998, 5, 30, 23, 59, 59) };
 * ```
 */
export interface ChurnDatasetOptions {
  /** Features use orders at or before this instant (epoch ms or Date). */
  readonly asOf: number | Date;
  /** When given, `churned[i]` = 1 if customer i has no order in (asOf, labelEnd]. */
  readonly labelEnd?: number | Date;
  /** Window for `recentOrders`, default 90 days. */
  readonly recentDays?: number;
  /** Engagement events to count per customer, by type. */
  readonly engagement?: Iterable<EngagementRecord>;
  readonly engagementTypes?: readonly string[];
  /** Window for engagement counts, default 30 days. */
  readonly engagementDays?: number;
  /** Minor units per major unit for `monetary`, default 100. */
  readonly minorPerMajor?: number;
}

/**
 * Customers with their churn features (row-major `n × p` matrix) and, when a
 * label window was given, whether they churned.
 *
 * @example
 * ```ts
 * import type { ChurnDataset } from '@memberkit/core';
 * const d: ChurnDataset = { customerIds: ['c1'], featureNames: ['recency'], features: Float64Array.of(1.5) };
 * ```
 */
export interface ChurnDataset {
  readonly customerIds: readonly string[];
  readonly featureNames: readonly string[];
  readonly features: Float64Array;
  readonly churned?: Uint8Array;
}

const optionsSchema = z.object({
  asOf: z.union([z.number().finite(), z.date()]),
  labelEnd: z.union([z.number().finite(), z.date()]).optional(),
  recentDays: z.number().positive().default(90),
  engagementTypes: z.array(z.string()).default([]),
  engagementDays: z.number().positive().default(30),
  minorPerMajor: z.number().positive().default(100),
});

const ms = (t: number | Date): number => (t instanceof Date ? t.getTime() : t);

/**
 * Streams an order history once and builds a churn dataset as of a cut-off:
 * per customer the {@link CHURN_FEATURES} (plus engagement counts), and with
 * `labelEnd` the label "no order in (asOf, labelEnd]". Only constant state per
 * customer is kept (first, last and second-last order, sums), so unsorted
 * input works and memory grows with customers, not orders. Customers whose
 * first order is after `asOf` are not in the dataset.
 *
 * @example
 * ```ts
 * import { churnDataset } from '@memberkit/core';
 * const day = 86_400_000;
 * const d = churnDataset(
 *   [{ customerId: 'a', at: 0, amount: 1000 }, { customerId: 'a', at: 10 * day, amount: 500 }, { customerId: 'b', at: day, amount: 800 }, { customerId: 'b', at: 40 * day, amount: 900 }],
 *   { asOf: 20 * day, labelEnd: 60 * day },
 * );
 * [d.customerIds, Array.from(d.churned!)];
 * //=> [['a', 'b'], [1, 0]]
 * ```
 */
export function churnDataset(orders: Iterable<OrderRecord>, options: ChurnDatasetOptions): ChurnDataset {
  const opts = parseOrThrow(optionsSchema, options, 'invalid_input', 'churn dataset options');
  const asOf = ms(opts.asOf);
  const labelEnd = opts.labelEnd === undefined ? undefined : ms(opts.labelEnd);
  if (labelEnd !== undefined && labelEnd <= asOf) throw new MemberkitError('invalid_input', 'labelEnd must be after asOf', { field: 'labelEnd' });
  const recentFrom = asOf - opts.recentDays * DAY;

  interface State {
    count: number;
    first: number;
    last: number;
    second: number; // second-latest order time, -Infinity below two orders
    sum: number;
    lastAmount: number;
    recent: number;
    future: boolean;
  }
  const customers = new Map<string, State>();
  const futureOnly = new Set<string>();
  const check = currencyGuard();
  let row = 0;
  for (const o of orders) {
    const at = orderTime(o, row);
    check(o.currency, row);
    row++;
    if (at > asOf) {
      if (labelEnd !== undefined && at <= labelEnd) {
        const s = customers.get(o.customerId);
        if (s) s.future = true;
        else futureOnly.add(o.customerId);
      }
      continue;
    }
    let s = customers.get(o.customerId);
    if (!s) {
      s = { count: 0, first: at, last: -Infinity, second: -Infinity, sum: 0, lastAmount: 0, recent: 0, future: futureOnly.delete(o.customerId) };
      customers.set(o.customerId, s);
    }
    s.count++;
    s.sum += o.amount;
    if (at < s.first) s.first = at;
    if (at >= s.last) {
      s.second = s.last;
      s.last = at;
      s.lastAmount = o.amount;
    } else if (at > s.second) s.second = at;
    if (at > recentFrom) s.recent++;
  }
  if (customers.size === 0) throw new MemberkitError('insufficient_data', 'no customer has an order at or before asOf', { field: 'orders' });

  const engagementIndex = new Map(opts.engagementTypes.map((t, i) => [t, i]));
  const engaged = new Map<string, Float64Array>();
  if (options.engagement && engagementIndex.size > 0) {
    const from = asOf - opts.engagementDays * DAY;
    let e = 0;
    for (const ev of options.engagement) {
      const at = ms(ev.at);
      if (typeof ev.customerId !== 'string' || !Number.isFinite(at)) throw new MemberkitError('invalid_input', `engagement event ${e} is invalid`, { field: `engagement.${e}` });
      e++;
      const k = engagementIndex.get(ev.type);
      if (k === undefined || at > asOf || at <= from || !customers.has(ev.customerId)) continue;
      let counts = engaged.get(ev.customerId);
      if (!counts) engaged.set(ev.customerId, (counts = new Float64Array(engagementIndex.size)));
      counts[k]!++;
    }
  }

  const featureNames = [...CHURN_FEATURES, ...opts.engagementTypes.map((t) => `engagement:${t}`)];
  const p = featureNames.length;
  const customerIds = [...customers.keys()].sort();
  const features = new Float64Array(customerIds.length * p);
  const churned = labelEnd === undefined ? undefined : new Uint8Array(customerIds.length);
  customerIds.forEach((id, i) => {
    const s = customers.get(id)!;
    const f = i * p;
    const gapDays = (asOf - s.last) / DAY;
    features[f] = Math.log1p(gapDays);
    features[f + 1] = Math.log1p(s.count);
    features[f + 2] = Math.log1p((asOf - s.first) / DAY);
    features[f + 3] = Math.log1p(s.sum / s.count / opts.minorPerMajor);
    features[f + 4] = Math.log1p(s.recent);
    features[f + 5] = s.count > 1 ? 1 : 0;
    if (s.count > 1) {
      const meanGap = (s.last - s.first) / DAY / (s.count - 1);
      features[f + 6] = Math.log((gapDays + 1) / (meanGap + 1));
      features[f + 8] = Math.log((s.lastAmount + 1) / ((s.sum - s.lastAmount) / (s.count - 1) + 1));
    }
    if (s.count > 2) {
      const earlierMean = (s.second - s.first) / DAY / (s.count - 2);
      features[f + 7] = Math.log(((s.last - s.second) / DAY + 1) / (earlierMean + 1));
    }
    const counts = engaged.get(id);
    if (counts) for (let k = 0; k < counts.length; k++) features[f + CHURN_FEATURES.length + k] = Math.log1p(counts[k]!);
    if (churned) churned[i] = s.future ? 0 : 1;
  });
  return churned ? { customerIds, featureNames, features, churned } : { customerIds, featureNames, features };
}
