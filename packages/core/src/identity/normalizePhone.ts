import { MemberkitError } from '../errors/memberkitError.ts';

/**
 * Options for {@link normalizePhone}.
 *
 * @example
 * ```ts
 * import { normalizePhone, type NormalizePhoneOptions } from '@memberkit/core';
 * const hk: NormalizePhoneOptions = { defaultCountryCode: '852' };
 * normalizePhone('9123 4567', hk);
 * //=> '+85291234567'
 * ```
 */
export interface NormalizePhoneOptions {
  /** Country calling code assumed for numbers written without one. Default `'86'` (mainland China). */
  readonly defaultCountryCode?: string;
  /** The input field, named in the error. Default `'phone'`. */
  readonly field?: string;
}

// Mainland mobile numbers: 1 followed by 3–9 and nine more digits.
const CN_MOBILE = /^1[3-9]\d{9}$/;
// Mainland fixed lines after the trunk 0: area code 10/2x (then 8 digits) or 3 digits (then 7–8).
const CN_FIXED = /^(?:10|2\d)\d{8}$|^[3-9]\d{2}\d{7,8}$/;

function invalid(raw: string, field: string, reason: string): MemberkitError {
  return new MemberkitError('invalid_phone', `Invalid phone number ${JSON.stringify(raw)}: ${reason}`, {
    field,
    issues: [{ path: field.split('.'), field, code: 'invalid_phone', message: reason }],
  });
}

/**
 * Normalises a phone number to E.164 (`+8613812345678`), so that
 * "138 1234 5678", "+86-138-1234-5678" and "008613812345678" are one
 * identifier (R-PROF-2). Numbers without a country code take
 * `defaultCountryCode` (+86 by default); mainland numbers are checked against
 * the mobile and fixed-line plans. Throws a {@link MemberkitError} with code
 * `invalid_phone` for anything that cannot be a phone number.
 *
 * @example
 * ```ts
 * import { normalizePhone } from '@memberkit/core';
 * normalizePhone('138-1234-5678');
 * //=> '+8613812345678'
 * normalizePhone('(415) 555-0132', { defaultCountryCode: '1' });
 * //=> '+14155550132'
 * ```
 */
export function normalizePhone(raw: string, options: NormalizePhoneOptions = {}): string {
  const field = options.field ?? 'phone';
  const cc = options.defaultCountryCode ?? '86';
  if (typeof raw !== 'string') throw invalid(String(raw), field, 'expected a string');
  const trimmed = raw.trim().replace(/^tel:/i, '');
  // Separators people and spreadsheets put into numbers; anything else is not a phone.
  const compact = trimmed.replace(/[\s\-().\u00a0\u3000]/g, '');
  if (!/^(?:\+|00)?\d+$/.test(compact)) throw invalid(raw, field, 'only digits, spaces, dashes, dots, brackets and a leading + are allowed');
  let international: string;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (cc === '86' && compact.length === 13 && compact.startsWith('86') && CN_MOBILE.test(compact.slice(2))) international = compact;
  else if (compact.startsWith('0')) international = cc + compact.slice(1);
  else international = cc + compact;

  if (international.startsWith('86')) {
    const national = international.slice(2);
    if (!CN_MOBILE.test(national) && !CN_FIXED.test(national)) throw invalid(raw, field, 'not a valid mainland China mobile or fixed-line number');
  } else if (international.startsWith('0')) {
    throw invalid(raw, field, 'country code cannot start with 0');
  }
  if (international.length < 8 || international.length > 15) throw invalid(raw, field, 'E.164 numbers have 8 to 15 digits');
  return `+${international}`;
}
