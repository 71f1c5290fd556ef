import { MemberkitError } from '../errors/memberkitError.ts';
import { toMajorUnits, toMinorUnits } from '../money/currency.ts';

/**
 * Converts canonical minor units to the major-unit float Segment and GA4
 * expect, or `undefined` when there is no amount. An amount without a
 * currency cannot be scaled (JPY has 0 decimals, KWD 3), so that is an
 * `invalid_event` naming `currencyField`.
 *
 * @example
 * ```ts
 * import { majorOrUndefined } from './mappedMoney.ts';
 * majorOrUndefined(1999, 'CNY', 'properties.currency');
 * //=> 19.99
 * ```
 */
export function majorOrUndefined(minor: number | undefined, currency: string | undefined, currencyField: string): number | undefined {
  if (minor === undefined) return undefined;
  if (currency === undefined) throw missingCurrency(currencyField);
  return toMajorUnits(minor, currency);
}

/**
 * Reads a major-unit amount from a foreign payload (a number, or a numeric
 * string as some Segment sources send) and converts it to integer minor units
 * by the currency's exponent, so 19.99 CNY is exactly 1999. `undefined` and
 * `null` give `undefined`; anything else that is not a finite number throws
 * `invalid_event` naming `field`.
 *
 * @example
 * ```ts
 * import { minorOrUndefined } from './mappedMoney.ts';
 * minorOrUndefined('0.125', 'KWD', 'properties.price', 'properties.currency');
 * //=> 125
 * ```
 */
export function minorOrUndefined(value: unknown, currency: string | undefined, field: string, currencyField: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const major = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof major !== 'number' || !Number.isFinite(major)) {
    throw new MemberkitError('invalid_event', `Expected a number in major units at ${field}, got ${JSON.stringify(value)}`, {
      field,
      issues: [{ path: field.split('.'), field, code: 'invalid_type', message: 'expected a number in major units' }],
    });
  }
  if (currency === undefined) throw missingCurrency(currencyField);
  return toMinorUnits(major, currency);
}

function missingCurrency(field: string): MemberkitError {
  return new MemberkitError('invalid_event', `A money amount needs a currency to convert between major and minor units; set ${field}`, {
    field,
    issues: [{ path: field.split('.'), field, code: 'invalid_type', message: 'currency required with a money amount' }],
  });
}
