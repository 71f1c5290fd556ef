/**
 * `floor(total × numerator / denominator)` for non-negative integers, exact
 * even when the product passes 2^53 (it falls back to BigInt only then).
 *
 * @example
 * ```ts
 * import { scaleFloor } from '@memberkit/core';
 * scaleFloor(199, 1, 3);
 * //=> 66
 * ```
 */
export function scaleFloor(total: number, numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  const product = total * numerator;
  if (Number.isSafeInteger(product)) return Math.floor(product / denominator);
  return Number((BigInt(total) * BigInt(numerator)) / BigInt(denominator));
}

/**
 * Splits a non-negative integer `total` over `weights` in proportion, by
 * largest remainder: shares are integers, add up to `total` exactly, and ties
 * go to the earlier weight, so the split is deterministic. All-zero weights
 * split evenly.
 *
 * @example
 * ```ts
 * import { allocateProportionally } from '@memberkit/core';
 * allocateProportionally(100, [1, 1, 1]);
 * //=> [34, 33, 33]
 * ```
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (const w of weights) sum += w;
  const ws = sum > 0 ? weights : weights.map(() => 1);
  const den = sum > 0 ? sum : n;
  const shares = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = ws[i] as number;
    const share = scaleFloor(total, w, den);
    shares[i] = share;
    // Remainder numerator total×w − share×den compared without floats.
    remainders[i] = Number.isSafeInteger(total * w) ? total * w - share * den : Number((BigInt(total) * BigInt(w)) % BigInt(den));
    given += share;
  }
  const order = [...shares.keys()].sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let k = 0; k < total - given; k++) {
    const i = order[k % n] as number;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}
