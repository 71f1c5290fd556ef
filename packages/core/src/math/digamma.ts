/**
 * The digamma function ψ(x) = d/dx ln Γ(x), for the analytic gradients of
 * the beta and gamma mixtures in the CLV likelihoods.
 *
 * @example
 * ```ts
 * import { digamma } from '@memberkit/core';
 * Math.round(digamma(1) * 1e12) / 1e12; // −γ, the Euler–Mascheroni constant
 * //=> -0.577215664902
 * ```
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0 && Number.isInteger(x)) return Number.NaN;
  let result = 0;
  if (x < 0) {
    // Reflection: ψ(1 − x) − ψ(x) = π cot(πx).
    result -= Math.PI / Math.tan(Math.PI * x);
    x = 1 - x;
  }
  // Recurrence up to where the asymptotic series is accurate to 1e-16.
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (691 / 32760) * inv2)))))
  );
}
