import { MemberkitError } from '../errors/memberkitError.ts';

/**
 * One order as the analytics read it: a plain record, so rows can stream from
 * a CSV, a database cursor or the event store without conversion. `amount` is
 * the net amount paid (after discounts) in integer minor units of `currency`.
 *
 * @example
 * ```ts
 * import type { OrderRecord } from '@memberkit/core';
 * const order: OrderRecord = { customerId: 'c1', at: Date.UTC(2026, 2, 1), amount: 25900, currency: 'CNY', units: 3, channel: 'mini_program', coupons: ['NEW10'] };
 * ```
 */
export interface OrderRecord {
  readonly customerId: string;
  /** When the order was paid: epoch milliseconds or a Date. */
  readonly at: number | Date;
  /** Net amount paid, integer minor units (fen, cents), ≥ 0. */
  readonly amount: number;
  readonly currency?: string;
  /** Number of items (pieces) in the order, for units per transaction (连带率). */
  readonly units?: number;
  /** Sales channel, e.g. 'store', 'mini_program', 'web'. */
  readonly channel?: string;
  /** Coupon codes (or ids) redeemed on the order. */
  readonly coupons?: readonly string[];
}

/**
 * Checks one streamed order cheaply (no schema allocation per row) and
 * returns its time in epoch ms; throws a {@link MemberkitError} naming the
 * row and field, so a bad row in a million is found, not averaged in.
 *
 * @example
 * ```ts
 * import { orderTime } from './orderRecord.ts';
 * orderTime({ customerId: 'c1', at: 86_400_000, amount: 100 }, 0);
 * //=> 86400000
 * ```
 */
export function orderTime(order: OrderRecord, row: number): number {
  if (order === null || typeof order !== 'object') throw new MemberkitError('invalid_input', `order ${row} is not an object`, { field: `orders.${row}` });
  if (typeof order.customerId !== 'string' || order.customerId === '') {
    throw new MemberkitError('invalid_input', `order ${row} has no customerId`, { field: `orders.${row}.customerId` });
  }
  const at = order.at instanceof Date ? order.at.getTime() : order.at;
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new MemberkitError('invalid_input', `order ${row} has an invalid time`, { field: `orders.${row}.at` });
  if (!Number.isSafeInteger(order.amount) || order.amount < 0) {
    throw new MemberkitError('invalid_money', `order ${row}: amount must be non-negative integer minor units, got ${String(order.amount)}`, {
      field: `orders.${row}.amount`,
    });
  }
  if (order.units !== undefined && (!Number.isSafeInteger(order.units) || order.units < 0)) {
    throw new MemberkitError('invalid_input', `order ${row}: units must be a non-negative integer`, { field: `orders.${row}.units` });
  }
  return at;
}

/**
 * Remembers the first currency seen and rejects a different one: summing
 * fen and cents would be meaningless.
 *
 * @example
 * ```ts
 * import { currencyGuard } from './orderRecord.ts';
 * const check = currencyGuard();
 * check('CNY', 0);
 * check('CNY', 1);
 * check.currency;
 * //=> 'CNY'
 * ```
 */
export function currencyGuard(): ((currency: string | undefined, row: number) => void) & { currency: string | undefined } {
  const check = (currency: string | undefined, row: number): void => {
    if (currency === undefined) return;
    if (check.currency === undefined) check.currency = currency;
    else if (currency !== check.currency) {
      throw new MemberkitError('currency_mismatch', `order ${row} is in ${currency}, earlier orders in ${check.currency}`, {
        field: `orders.${row}.currency`,
        details: { expected: check.currency, actual: currency },
      });
    }
  };
  check.currency = undefined as string | undefined;
  return check;
}
