import { computeRfmColumns, type RfmInput } from './computeRfmColumns.ts';
import { resolveRfmOptions, type RfmOptions } from './rfmOptions.ts';
import { sortByCustomerId } from './sortByCustomerId.ts';

/**
 * One customer's RFM result.
 *
 * @example
 * ```ts
 * import type { RfmRow } from '@memberkit/core';
 * const row: RfmRow = { customerId: 'c1', recencyDays: 3, frequency: 7, monetary: 52_000, r: 5, f: 4, m: 4, score: 544, segment: 'Champions' };
 * ```
 */
export interface RfmRow {
  readonly customerId: string;
  /** Whole days from the latest order to `asOf`. */
  readonly recencyDays: number;
  /** Number of orders. */
  readonly frequency: number;
  /** Sum of order amounts, in the minor units the amounts were given in. */
  readonly monetary: number;
  /** Recency score 1..5, 5 = most recent. */
  readonly r: number;
  /** Frequency score 1..5, 5 = most orders. */
  readonly f: number;
  /** Monetary score 1..5, 5 = most spent. */
  readonly m: number;
  /** `100r + 10f + m`, e.g. 545. */
  readonly score: number;
  readonly segment: string;
}

/**
 * Recency, frequency and monetary scores and a named segment for every
 * customer with at least one order (R-VAL-1).
 *
 * - recency = whole days from the customer's latest order to `options.asOf`;
 *   frequency = number of orders; monetary = sum of `amount` (minor units).
 * - `method: 'ntile'` (default): equal-count quintiles, as SQL's
 *   `NTILE(5) OVER (ORDER BY measure ASC, customer_id ASC)` where the recency
 *   measure is the latest order's timestamp (so the most recent fifth gets
 *   r = 5), frequency the order count and monetary the sum; ties are split by
 *   customer id, so any input order gives the same scores.
 * - `method: 'breaks'`: the R package rfm 0.3.0 rule, reproducing
 *   `rfm_table_order()` exactly.
 * - Segments: `options.segments` (default {@link defaultRfmSegments}), first
 *   match wins, `options.fallback` (default `'Others'`) otherwise.
 *
 * Input is an iterable of `{ customerId, at, amount }`, order columns
 * (typed arrays) or per-customer totals (`readRfmCsv`). Bad input throws a
 * `MemberkitError` with code `invalid_input` naming the field, e.g.
 * `orders.12.amount` for a negative amount or `orders.3.at` for an order
 * after `asOf`; empty input is an error too.
 *
 * @example
 * ```ts
 * import { computeRfm } from '@memberkit/core';
 * const rows = computeRfm(
 *   [
 *     { customerId: 'amy', at: '2026-01-28', amount: 30_000 },
 *     { customerId: 'amy', at: '2026-01-10', amount: 12_000 },
 *     { customerId: 'bob', at: '2025-10-01', amount: 5_000 },
 *   ],
 *   { asOf: '2026-01-31' },
 * );
 * rows.map((row) => [row.customerId, row.recencyDays, row.frequency, row.monetary, row.score]);
 * //=> [['amy', 3, 2, 42000, 222], ['bob', 122, 1, 5000, 111]]
 * ```
 */
export function computeRfm(orders: RfmInput, options: RfmOptions): RfmRow[] {
  const s = computeRfmColumns(orders, options);
  const n = s.customerIds.length;
  const order = resolveRfmOptions(options).order === 'customerId' ? sortByCustomerId(s.customerIds) : null;
  const rows: RfmRow[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : (order[k] as number);
    rows[k] = {
      customerId: s.customerIds[i] as string,
      recencyDays: s.recencyDays[i] as number,
      frequency: s.frequency[i] as number,
      monetary: s.monetary[i] as number,
      r: s.r[i] as number,
      f: s.f[i] as number,
      m: s.m[i] as number,
      score: s.score[i] as number,
      segment: s.segmentNames[s.segment[i] as number] as string,
    };
  }
  return rows;
}
