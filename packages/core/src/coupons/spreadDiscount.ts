import { mulDivRound } from './mulDivRound.ts';

/**
 * Splits `total` minor units over lines in proportion to their `weights`
 * (the amounts still payable on each eligible line) so that the shares are
 * integers that add up to exactly `total` (largest-remainder / Hamilton
 * method):
 *
 * 1. each line gets `floor(total × weight ÷ Σweights)`;
 * 2. the units left over go one each to the lines with the largest
 *    remainders `total × weight mod Σweights`, ties to the earlier line.
 *
 * Deterministic for the same input. When `total ≤ Σweights` no share exceeds
 * its weight, so no line total goes negative.
 *
 * @example
 * ```ts
 * import { spreadDiscount } from '@memberkit/core';
 * spreadDiscount(100, [1, 1, 1]);
 * //=> [34, 33, 33]
 * ```
 */
export function spreadDiscount(total: number, weights: readonly number[]): number[] {
  // One weight takes everything (or nothing, at weight 0): most orders have one line, and this runs three times per order.
  if (weights.length === 1) return [total === 0 || weights[0] === 0 ? 0 : total];
  const shares = new Array<number>(weights.length).fill(0);
  let sum = 0;
  for (const w of weights) sum += w;
  if (total === 0 || sum === 0) return shares;
  const remainders = new Array<number>(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    const share = mulDivRound(total, w, sum, 'floor');
    shares[i] = share;
    given += share;
    // total × w − share × sum, computed without overflowing: (total × w) mod sum.
    remainders[i] = remainderOf(total, w, sum);
  }
  let left = total - given;
  if (left > 0) {
    const order = weights.map((_, i) => i).sort((x, y) => (remainders[y] ?? 0) - (remainders[x] ?? 0) || x - y);
    for (let k = 0; left > 0; k = (k + 1) % order.length) {
      const i = order[k] ?? 0;
      if ((weights[i] ?? 0) > 0) {
        shares[i] = (shares[i] ?? 0) + 1;
        left -= 1;
      }
    }
  }
  return shares;
}

function remainderOf(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return p % c;
  return Number((BigInt(a) * BigInt(b)) % BigInt(c));
}
