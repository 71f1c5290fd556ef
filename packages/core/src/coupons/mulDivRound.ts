import { MemberkitError } from '../errors/memberkitError.ts';

/**
 * How {@link mulDivRound} rounds a quotient that is not whole:
 * `floor` drops the fraction; `half_up` rounds .5 and above up (the usual
 * 四舍五入 at the fen).
 *
 * @example
 * ```ts
 * import type { IntegerRounding } from '@memberkit/core';
 * const r: IntegerRounding = 'half_up';
 * ```
 */
export type IntegerRounding = 'floor' | 'half_up';

/**
 * `a × b ÷ c` for non-negative safe integers, rounded, computed exactly: with
 * plain numbers while `a × b` is a safe integer, with BigInt beyond, so a
 * percentage of a large amount never drifts.
 *
 * @example
 * ```ts
 * import { mulDivRound } from '@memberkit/core';
 * mulDivRound(19_990, 1_500, 10_000, 'half_up'); // 15% of ¥199.90
 * //=> 2999
 * ```
 */
export function mulDivRound(a: number, b: number, c: number, rounding: IntegerRounding): number {
  if (!(c > 0 && a >= 0 && b >= 0 && Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c))) {
    throw new MemberkitError('invalid_input', `mulDivRound takes non-negative safe integers and a positive divisor, got ${a} × ${b} ÷ ${c}`);
  }
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    let q = Math.floor(p / c);
    let r = p - q * c;
    // Correct a quotient that floating division put one off.
    if (r < 0) {
      q -= 1;
      r += c;
    } else if (r >= c) {
      q += 1;
      r -= c;
    }
    return rounding === 'half_up' && 2 * r >= c ? q + 1 : q;
  }
  const bp = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  let q = bp / bc;
  if (rounding === 'half_up' && 2n * (bp % bc) >= bc) q += 1n;
  return Number(q);
}
