/**
 * ln(eᵃ + eᵇ) without overflow or underflow: the likelihood of a customer is a
 * sum of terms that are each far below the smallest double.
 *
 * @example
 * ```ts
 * import { logAddExp } from '@memberkit/core';
 * logAddExp(-1000, -1000); // ln(2e^-1000)
 * //=> -999.3068528194401
 * ```
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * ln Σ exp(vᵢ), computed around the largest term so nothing overflows.
 * An empty list sums to zero, so its logarithm is −∞.
 *
 * @example
 * ```ts
 * import { logSumExp } from '@memberkit/core';
 * logSumExp([Math.log(1), Math.log(2), Math.log(3)]); // ln 6
 * //=> 1.791759469228055
 * ```
 */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}

/**
 * ln(eᵃ − eᵇ) for a ≥ b, without cancellation when the two are close.
 *
 * @example
 * ```ts
 * import { logSubExp } from '@memberkit/core';
 * logSubExp(Math.log(3), Math.log(1)); // ln 2
 * //=> 0.6931471805599452
 * ```
 */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  const d = b - a;
  if (d > 0) return Number.NaN;
  // log(-expm1(d)) is exact near d = 0; log1p(-exp(d)) is exact for very negative d.
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}
