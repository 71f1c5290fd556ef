import { MemberkitError } from '../errors/memberkitError.ts';
import type { ValueRow } from './customerLifetimeValue.ts';

/**
 * One purchase for {@link summarizeCustomers}: who, when (a `Date` or epoch
 * milliseconds) and its value net of discounts (minor units recommended).
 *
 * @example
 * ```ts
 * import type { CustomerTransaction } from '@memberkit/core';
 * const t: CustomerTransaction = { customerId: 'c1', at: Date.UTC(1997, 0, 1), amount: 2933 };
 * ```
 */
export interface CustomerTransaction {
  readonly customerId: string;
  readonly at: Date | number;
  readonly amount: number;
}

/**
 * Options for {@link summarizeCustomers}.
 *
 * @example
 * ```ts
 * import type { SummarizeOptions } from '@memberkit/core';
 * const cdnow: SummarizeOptions = { calibrationEnd: Date.UTC(1997, 8, 30), observationEnd: Date.UTC(1998, 5, 30), unit: 'week' };
 * ```
 */
export interface SummarizeOptions {
  /** Last day (inclusive) of the calibration period; T runs from the first purchase to this day. */
  readonly calibrationEnd: Date | number;
  /** Last day (inclusive) of the holdout period; when given, `holdoutFrequency` is counted. */
  readonly observationEnd?: Date | number;
  /** Time unit of recency and T: days, or weeks as days / 7. */
  readonly unit: 'day' | 'week';
  /** Offset of the merchant's local day from UTC, in minutes (480 for China). Default 0. */
  readonly utcOffsetMinutes?: number;
}

/**
 * A customer's calibration summary, ready for the BTYD fitters and
 * {@link customerLifetimeValue}.
 *
 * @example
 * ```ts
 * import type { CustomerSummary } from '@memberkit/core';
 * const s: CustomerSummary = { customerId: '1', frequency: 2, recency: 30.43, T: 38.86, monetary: 2235, holdoutFrequency: 1 };
 * ```
 */
export interface CustomerSummary extends ValueRow {
  readonly customerId: string;
  /** Distinct purchase days after `calibrationEnd` up to `observationEnd`. */
  readonly holdoutFrequency?: number;
}

const DAY_MS = 86_400_000;

function toMs(value: unknown, field: string): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new MemberkitError('invalid_input', `${field} must be a valid Date or epoch milliseconds`, { field });
  return ms;
}

/** Grows a typed array to at least `size`, keeping its contents. */
function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Turns a transaction log into per-customer recency–frequency–monetary
 * summaries by the standard BTYD rule: same-day transactions are merged
 * (values summed); frequency = distinct purchase days in calibration − 1;
 * recency = first to last purchase day; T = first purchase to
 * `calibrationEnd`; monetary = mean value of the repeat purchase days (0 when
 * there are none); holdoutFrequency = distinct purchase days after
 * `calibrationEnd` up to `observationEnd`. Customers whose first purchase
 * falls after `calibrationEnd` are not in the calibration cohort and are left out.
 *
 * Streams once over any iterable, with customer ids interned into typed
 * arrays. Each customer's transactions must come in time order (a sorted
 * log, or one grouped by customer); a transaction after `observationEnd`
 * (after `calibrationEnd` when no `observationEnd` is given) is refused as
 * coming from the future: set `observationEnd` to the log's last day to keep
 * later transactions as holdout.
 *
 * @example
 * ```ts
 * import { summarizeCustomers } from '@memberkit/core';
 * const day = (d: number) => Date.UTC(2024, 0, d);
 * const log = [
 *   { customerId: 'a', at: day(1), amount: 1000 },
 *   { customerId: 'a', at: day(1), amount: 500 },
 *   { customerId: 'a', at: day(8), amount: 2000 },
 *   { customerId: 'a', at: day(20), amount: 900 },
 * ];
 * summarizeCustomers(log, { calibrationEnd: day(15), observationEnd: day(29), unit: 'week' });
 * //=> [{ customerId: 'a', frequency: 1, recency: 1, T: 2, monetary: 2000, holdoutFrequency: 1 }]
 * ```
 */
export function summarizeCustomers(transactions: Iterable<CustomerTransaction>, options: SummarizeOptions): CustomerSummary[] {
  const offset = (options.utcOffsetMinutes ?? 0) * 60_000;
  if (!Number.isFinite(offset)) throw new MemberkitError('invalid_input', 'utcOffsetMinutes must be a number', { field: 'utcOffsetMinutes' });
  if (options.unit !== 'day' && options.unit !== 'week') throw new MemberkitError('invalid_input', `unit must be 'day' or 'week', got ${String(options.unit)}`, { field: 'unit' });
  const dayOf = (ms: number): number => Math.floor((ms + offset) / DAY_MS);
  const calibrationDay = dayOf(toMs(options.calibrationEnd, 'calibrationEnd'));
  const hasHoldout = options.observationEnd !== undefined;
  const endDay = hasHoldout ? dayOf(toMs(options.observationEnd, 'observationEnd')) : calibrationDay;
  if (endDay < calibrationDay) throw new MemberkitError('invalid_input', 'observationEnd is before calibrationEnd', { field: 'observationEnd' });
  const unitDays = options.unit === 'week' ? 7 : 1;

  const ids = new Map<string, number>();
  const names: string[] = [];
  let firstDay = new Int32Array(1024);
  let lastDay = new Int32Array(1024);
  let seenDay = new Int32Array(1024);
  let days = new Int32Array(1024);
  let holdoutDays = new Int32Array(1024);
  let firstValue = new Float64Array(1024);
  let totalValue = new Float64Array(1024);
  let count = 0;
  let index = 0;
  for (const t of transactions) {
    const where = `transactions[${index}]`;
    if (typeof t?.customerId !== 'string' || t.customerId === '') throw new MemberkitError('invalid_input', `${where}.customerId must be a non-empty string`, { field: `${where}.customerId` });
    const day = dayOf(toMs(t.at, `${where}.at`));
    const amount = t.amount;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new MemberkitError('invalid_input', `${where}.amount must be a finite amount ≥ 0 (net of discounts), got ${String(amount)}`, { field: `${where}.amount` });
    }
    if (day > endDay) throw new MemberkitError('invalid_input', `${where}.at is after the observation end`, { field: `${where}.at` });
    let c = ids.get(t.customerId);
    if (c === undefined) {
      c = count++;
      ids.set(t.customerId, c);
      names.push(t.customerId);
      firstDay = grow(firstDay, count);
      lastDay = grow(lastDay, count);
      seenDay = grow(seenDay, count);
      days = grow(days, count);
      holdoutDays = grow(holdoutDays, count);
      firstValue = grow(firstValue, count);
      totalValue = grow(totalValue, count);
      firstDay[c] = day;
      lastDay[c] = day;
      seenDay[c] = day;
      days[c] = day <= calibrationDay ? 1 : 0;
      holdoutDays[c] = 0;
      firstValue[c] = day <= calibrationDay ? amount : 0;
      totalValue[c] = firstValue[c] as number;
      index++;
      continue;
    }
    if (day < (seenDay[c] as number)) {
      throw new MemberkitError('invalid_input', `${where}.at goes back in time for customer ${t.customerId}: give each customer's transactions in time order`, {
        field: `${where}.at`,
      });
    }
    const newDay = day !== seenDay[c];
    seenDay[c] = day;
    if ((days[c] as number) === 0) {
      // First seen after calibration: not in the cohort, nothing to count.
    } else if (day <= calibrationDay) {
      totalValue[c] = (totalValue[c] as number) + amount;
      if (newDay) {
        days[c] = (days[c] as number) + 1;
        lastDay[c] = day;
      } else if (day === firstDay[c]) {
        firstValue[c] = (firstValue[c] as number) + amount;
      }
    } else if (newDay) {
      holdoutDays[c] = (holdoutDays[c] as number) + 1;
    }
    index++;
  }
  if (index === 0) throw new MemberkitError('insufficient_data', 'no transactions to summarise', { field: 'transactions' });
  const out: CustomerSummary[] = [];
  for (let c = 0; c < count; c++) {
    const d = days[c] as number;
    if (d === 0) continue;
    const frequency = d - 1;
    const first = firstDay[c] as number;
    out.push({
      customerId: names[c] as string,
      frequency,
      recency: ((lastDay[c] as number) - first) / unitDays,
      T: (calibrationDay - first) / unitDays,
      monetary: frequency > 0 ? ((totalValue[c] as number) - (firstValue[c] as number)) / frequency : 0,
      ...(hasHoldout ? { holdoutFrequency: holdoutDays[c] as number } : {}),
    });
  }
  return out;
}
