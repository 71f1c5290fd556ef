import { MemberkitError } from '../errors/memberkitError.ts';
import type { SpendModel } from './gammaGamma.ts';
import type { CustomerRow, TransactionModel } from './transactionModel.ts';

/**
 * A customer's history for {@link customerLifetimeValue}: recency–frequency
 * plus the mean value of the repeat purchases (net of discounts), and an
 * optional id carried through to the result.
 *
 * @example
 * ```ts
 * import type { ValueRow } from '@memberkit/core';
 * const row: ValueRow = { customerId: '1', frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
 * ```
 */
export interface ValueRow extends CustomerRow {
  readonly monetary: number;
  readonly customerId?: string;
}

/**
 * Options for {@link customerLifetimeValue}.
 *
 * @example
 * ```ts
 * import type { LifetimeValueOptions } from '@memberkit/core';
 * type Options = Omit<LifetimeValueOptions<CustomerRowLike>, 'transactionModel' | 'spendModel'>;
 * type CustomerRowLike = { frequency: number; recency: number; T: number };
 * const yearByMonth: Options = { horizon: 12, periodLength: 4.345, discountRate: 0.01, margin: 0.3 };
 * ```
 */
export interface LifetimeValueOptions<R> {
  /** Predicts purchases, e.g. `fitBgNbd(rows)`. */
  readonly transactionModel: Pick<TransactionModel<unknown, R>, 'conditionalExpectedPurchases'>;
  /** Predicts the value per purchase, e.g. `fitGammaGamma(rows)`. */
  readonly spendModel: Pick<SpendModel, 'conditionalExpectedValue'>;
  /** Number of discounting periods to sum over (e.g. 12 months). */
  readonly horizon: number;
  /** Length of one period in the rows' time unit (4.345 weeks per month). */
  readonly periodLength: number;
  /** Discount rate per period (0.01 a month ≈ 12.7 % a year). Default 0. */
  readonly discountRate?: number;
  /** Share of revenue that is profit, in [0, 1]. Default 1 (revenue, as lifetimes reports). */
  readonly margin?: number;
}

/**
 * One customer's lifetime value and what it is made of.
 *
 * @example
 * ```ts
 * import type { CustomerValue } from '@memberkit/core';
 * const v: CustomerValue = { customerId: '1', value: 140.1, expectedPurchases: 5.7, expectedSpend: 24.66 };
 * ```
 */
export interface CustomerValue {
  readonly customerId?: string;
  /** Discounted margin over the horizon. */
  readonly value: number;
  /** Undiscounted expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Expected value per purchase (before margin). */
  readonly expectedSpend: number;
}

function check(ok: boolean, field: string, message: string): void {
  if (!ok) throw new MemberkitError('invalid_input', `customerLifetimeValue: ${field} ${message}`, { field });
}

/**
 * Customer lifetime value by lifetimes' discounted-cash-flow method: for each
 * period i = 1…horizon, the purchases expected in ((i−1)L, iL] times the
 * expected spend per purchase, times the margin, discounted by (1 + d)^i.
 * A customer who buys as often as another but only on promotion has a lower
 * net `monetary` and so a lower value.
 *
 * @example
 * ```ts
 * import { bgNbdModel, customerLifetimeValue, gammaGammaModel } from '@memberkit/core';
 * const [v] = customerLifetimeValue([{ frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }], {
 *   transactionModel: bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
 *   spendModel: gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 }),
 *   horizon: 12, periodLength: 4.345, discountRate: 0.01, margin: 0.3,
 * });
 * v.value > 0 && v.value < v.expectedPurchases * v.expectedSpend;
 * //=> true
 * ```
 */
export function customerLifetimeValue<R extends ValueRow>(rows: Iterable<R>, options: LifetimeValueOptions<R>): CustomerValue[] {
  const { transactionModel, spendModel, horizon, periodLength } = options;
  const discountRate = options.discountRate ?? 0;
  const margin = options.margin ?? 1;
  check(Number.isInteger(horizon) && horizon >= 1, 'horizon', `must be a whole number of periods ≥ 1, got ${horizon}`);
  check(Number.isFinite(periodLength) && periodLength > 0, 'periodLength', `must be a positive length, got ${periodLength}`);
  check(Number.isFinite(discountRate) && discountRate > -1, 'discountRate', `must be a rate above −1, got ${discountRate}`);
  check(Number.isFinite(margin) && margin >= 0 && margin <= 1, 'margin', `must be a share in [0, 1], got ${margin}`);
  check(typeof transactionModel?.conditionalExpectedPurchases === 'function', 'transactionModel', 'must be a fitted transaction model');
  check(typeof spendModel?.conditionalExpectedValue === 'function', 'spendModel', 'must be a fitted spend model');
  const discount = Array.from({ length: horizon }, (_, i) => Math.pow(1 + discountRate, -(i + 1)));
  const out: CustomerValue[] = [];
  let index = 0;
  for (const row of rows) {
    check(Number.isFinite(row.monetary) && row.monetary >= 0, `rows[${index}].monetary`, `must be a finite amount ≥ 0, got ${row.monetary}`);
    const spend = spendModel.conditionalExpectedValue(row);
    let previous = 0;
    let value = 0;
    for (let i = 1; i <= horizon; i++) {
      const cumulative = transactionModel.conditionalExpectedPurchases(i * periodLength, row);
      value += (cumulative - previous) * (discount[i - 1] as number);
      previous = cumulative;
    }
    out.push({ ...(row.customerId === undefined ? {} : { customerId: row.customerId }), value: value * spend * margin, expectedPurchases: previous, expectedSpend: spend });
    index++;
  }
  return out;
}
