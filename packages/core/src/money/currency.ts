import { z } from 'zod';

/**
 * An ISO 4217 currency code (`CNY`, `USD`, `JPY`).
 *
 * @example
 * ```ts
 * import { currencySchema } from '@memberkit/core';
 * currencySchema.parse('CNY');
 * //=> 'CNY'
 * ```
 */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as CNY');

/**
 * An amount of money in integer minor units (fen, cents). Never a float.
 *
 * @example
 * ```ts
 * import { minorUnitsSchema } from '@memberkit/core';
 * minorUnitsSchema.safeParse(19.9).success;
 * //=> false
 * ```
 */
export const minorUnitsSchema = z.number().int('expected integer minor units (e.g. fen), not a decimal').safe();

/**
 * Money as integer minor units with its currency.
 *
 * @example
 * ```ts
 * import type { Money } from '@memberkit/core';
 * const price: Money = { amount: 19900, currency: 'CNY' }; // ¥199.00
 * ```
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/**
 * Zod schema for {@link Money}.
 *
 * @example
 * ```ts
 * import { moneySchema } from '@memberkit/core';
 * moneySchema.parse({ amount: 100, currency: 'USD' });
 * //=> { amount: 100, currency: 'USD' }
 * ```
 */
export const moneySchema = z.object({ amount: minorUnitsSchema, currency: currencySchema });

const exponentCache = new Map<string, number>();
let lastCurrency: string | undefined;
let lastExponent = 2;

/**
 * How many decimal digits a currency's minor unit has (CNY 2, JPY 0, KWD 3),
 * from the platform's Intl data.
 *
 * @example
 * ```ts
 * import { currencyExponent } from '@memberkit/core';
 * currencyExponent('JPY');
 * //=> 0
 * ```
 */
export function currencyExponent(currency: string): number {
  // A program has one currency, asked for on every order: the last answer skips the map.
  if (currency === lastCurrency) return lastExponent;
  let e = exponentCache.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, e);
  }
  lastCurrency = currency;
  lastExponent = e;
  return e;
}

/**
 * Converts minor units to a decimal major amount, for systems that speak in
 * major units (Segment, GA4). Only for export: never compute with the result.
 *
 * @example
 * ```ts
 * import { toMajorUnits } from '@memberkit/core';
 * toMajorUnits(19990, 'CNY');
 * //=> 199.9
 * ```
 */
export function toMajorUnits(minor: number, currency: string): number {
  const e = currencyExponent(currency);
  return e === 0 ? minor : Number((minor / 10 ** e).toFixed(e));
}

/**
 * Converts a decimal major amount to integer minor units, rounding half away
 * from zero at the currency's precision (so 19.99 CNY is 1999 fen, not 1998).
 *
 * @example
 * ```ts
 * import { toMinorUnits } from '@memberkit/core';
 * toMinorUnits(19.99, 'CNY');
 * //=> 1999
 * ```
 */
export function toMinorUnits(major: number, currency: string): number {
  const scaled = major * 10 ** currencyExponent(currency);
  // Round on the decimal string to avoid 1.005 * 100 = 100.49999 style drift.
  const rounded = Math.sign(scaled) * Math.round(Math.abs(Number(scaled.toPrecision(15))));
  return rounded === 0 ? 0 : rounded;
}
