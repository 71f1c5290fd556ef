import { aggregateOrderColumns, type RfmOrderColumns } from './aggregateOrderColumns.ts';
import { aggregateOrders, type RfmOrder } from './aggregateOrders.ts';
import { isStrictlyAscending } from './isStrictlyAscending.ts';
import { ntileScores } from './ntileScores.ts';
import { breaksScores } from './rfmBreakpoints.ts';
import type { RfmCustomerTotals } from './rfmCustomerTotals.ts';
import { rfmInputError } from './rfmInputError.ts';
import { resolveRfmOptions, type RfmOptions } from './rfmOptions.ts';
import { compileRfmSegments } from './rfmSegmentRule.ts';

/**
 * Everything `computeRfm` accepts: orders as objects, orders as columns, or
 * per-customer totals (what `readRfmCsv` produces).
 *
 * @example
 * ```ts
 * import type { RfmInput } from '@memberkit/core';
 * const input: RfmInput = [{ customerId: 'a', at: '2026-01-02', amount: 100 }];
 * ```
 */
export type RfmInput = Iterable<RfmOrder> | RfmOrderColumns | RfmCustomerTotals;

/**
 * RFM results in columnar form: index `i` of every array describes
 * `customerIds[i]`, in the input's customer order. For a million customers
 * this is a few typed arrays instead of a million objects.
 *
 * @example
 * ```ts
 * import { computeRfmColumns } from '@memberkit/core';
 * const s = computeRfmColumns([{ customerId: 'a', at: '2026-01-02', amount: 100 }], { asOf: '2026-01-31' });
 * [s.customerIds[0], s.recencyDays[0], s.score[0], s.segmentNames[s.segment[0]]];
 * //=> ['a', 29, 111, 'Hibernating']
 * ```
 */
export interface RfmScores {
  readonly customerIds: readonly string[];
  /** Whole days from the latest order to `asOf` (floor of elapsed 24-hour days). */
  readonly recencyDays: Float64Array;
  /** Number of orders. */
  readonly frequency: Float64Array;
  /** Sum of order amounts (minor units). */
  readonly monetary: Float64Array;
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** `100r + 10f + m`. */
  readonly score: Uint16Array;
  /** Index into `segmentNames`. */
  readonly segment: Uint8Array;
  readonly segmentNames: readonly string[];
}

const DAY_MS = 86_400_000;

function isOrderColumns(input: RfmInput): input is RfmOrderColumns {
  return (input as { kind?: unknown }).kind === 'columns';
}

function isTotals(input: RfmInput): input is RfmCustomerTotals {
  return (input as { kind?: unknown }).kind === 'totals';
}

function checkTotals(t: RfmCustomerTotals, asOf: number): void {
  const n = t.customerIds.length;
  if (t.lastAt.length !== n || t.frequency.length !== n || t.monetary.length !== n) {
    throw rfmInputError(['totals'], 'customerIds, lastAt, frequency and monetary must have the same length', n);
  }
  for (let i = 0; i < n; i++) {
    const at = t.lastAt[i] as number;
    const f = t.frequency[i] as number;
    const m = t.monetary[i] as number;
    if (!(at <= asOf && at > -Infinity)) throw rfmInputError(['totals', 'lastAt', i], 'expected epoch milliseconds not after asOf', at, 'invalid_input', { asOf });
    if (!(f >= 1 && Number.isInteger(f))) throw rfmInputError(['totals', 'frequency', i], 'expected a positive integer', f);
    if (!(m >= 0 && m < Infinity)) throw rfmInputError(['totals', 'monetary', i], 'expected a non-negative finite number', m);
  }
}

/**
 * {@link computeRfm} without building one object per customer: scores and
 * segments come back as typed arrays in the input's customer order. Use it
 * for large histories (a million customers) or to feed charts and SQL.
 *
 * @example
 * ```ts
 * import { computeRfmColumns } from '@memberkit/core';
 * const s = computeRfmColumns(
 *   { kind: 'columns', customerIds: ['a', 'b'], customerIndex: Uint32Array.of(0, 1, 1), at: Float64Array.of(0, 0, 86_400_000), amount: Float64Array.of(5, 5, 5) },
 *   { asOf: 2 * 86_400_000 },
 * );
 * [...s.score];
 * //=> [111, 222]
 * ```
 */
export function computeRfmColumns(input: RfmInput, options: RfmOptions): RfmScores {
  const o = resolveRfmOptions(options);
  const compiled = compileRfmSegments(o.segments, o.fallback);
  let totals: RfmCustomerTotals;
  if (input === null || typeof input !== 'object') {
    throw rfmInputError(['orders'], 'expected an iterable of orders, order columns or customer totals', input === null ? 'null' : typeof input);
  }
  if (isTotals(input)) {
    checkTotals(input, o.asOf);
    totals = input;
  } else if (isOrderColumns(input)) {
    totals = aggregateOrderColumns(input, o.asOf);
  } else if (Symbol.iterator in input) {
    totals = aggregateOrders(input, o.asOf);
  } else {
    throw rfmInputError(['orders'], 'expected an iterable of orders, order columns or customer totals', typeof input);
  }
  const n = totals.customerIds.length;
  if (n === 0) throw rfmInputError(['orders'], 'no orders: RFM needs at least one order', 0);
  const recencyDays = new Float64Array(n);
  for (let i = 0; i < n; i++) recencyDays[i] = Math.floor((o.asOf - (totals.lastAt[i] as number)) / DAY_MS);
  const frequency = totals.frequency instanceof Float64Array ? totals.frequency : Float64Array.from(totals.frequency);
  const { monetary, customerIds } = totals;
  let r: Uint8Array, f: Uint8Array, m: Uint8Array;
  if (o.method === 'breaks') {
    r = breaksScores(recencyDays, true);
    f = breaksScores(frequency, false);
    m = breaksScores(monetary, false);
  } else {
    const ascending = isStrictlyAscending(customerIds);
    r = ntileScores(totals.lastAt, customerIds, 5, ascending);
    f = ntileScores(frequency, customerIds, 5, ascending);
    m = ntileScores(monetary, customerIds, 5, ascending);
  }
  const score = new Uint16Array(n);
  const segment = new Uint8Array(n);
  const cells = compiled.cells;
  for (let i = 0; i < n; i++) {
    const ri = r[i] as number;
    const fi = f[i] as number;
    const mi = m[i] as number;
    score[i] = 100 * ri + 10 * fi + mi;
    segment[i] = cells[(ri - 1) * 25 + (fi - 1) * 5 + (mi - 1)] as number;
  }
  return { customerIds, recencyDays, frequency, monetary, r, f, m, score, segment, segmentNames: compiled.names };
}
