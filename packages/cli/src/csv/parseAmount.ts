import { toMinorUnits } from '@memberkit/core';

/**
 * Whether the amount column holds major units (`19.90` yuan) or integer minor units (`1990` fen).
 *
 * @example
 * ```ts
 * import { parseAmount } from '@memberkit/cli';
 * import type { AmountUnit } from '@memberkit/cli';
 * const unit: AmountUnit = 'minor';
 * parseAmount('1990', unit, 'CNY');
 * //=> 1990
 * ```
 */
export type AmountUnit = 'major' | 'minor';

const MAJOR_RE = /^-?\d+(?:\.\d+)?$/;
const GROUPED_RE = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const MINOR_RE = /^-?\d+$/;
const CURRENCY_SIGNS = /^[¥￥$€£]|^(?:CN¥|RMB|US\$)\s*/;

/**
 * Parses an amount cell into integer minor units of `currency`, or
 * `undefined` when it is not a number. Accepts a leading currency sign and
 * thousands separators (`¥1,299.00`), which spreadsheet exports add; rounds
 * half away from zero at the currency's precision.
 *
 * @example
 * ```ts
 * import { parseAmount } from '@memberkit/cli';
 * parseAmount('¥1,299.50', 'major', 'CNY');
 * //=> 129950
 * parseAmount('129950', 'minor', 'CNY');
 * //=> 129950
 * parseAmount('n/a', 'major', 'CNY');
 * //=> undefined
 * ```
 */
export function parseAmount(text: string, unit: AmountUnit, currency: string): number | undefined {
  let s = text.trim();
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  s = s.replace(CURRENCY_SIGNS, '').trim();
  if (negative) s = `-${s}`;
  if (unit === 'minor') {
    if (!MINOR_RE.test(s)) return undefined;
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (GROUPED_RE.test(s)) s = s.replaceAll(',', '');
  if (!MAJOR_RE.test(s)) return undefined;
  const minor = toMinorUnits(Number(s), currency);
  return Number.isSafeInteger(minor) ? minor : undefined;
}
