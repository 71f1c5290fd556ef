// Lanczos approximation (g = 7, n = 9): about 15 significant digits for
// x > 0, which is what maximum-likelihood fits on log scale need.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * The natural logarithm of the absolute value of the gamma function,
 * ln |Γ(x)|. Poles (0, −1, −2, …) give `Infinity`.
 *
 * @example
 * ```ts
 * import { logGamma } from '@memberkit/core';
 * Math.round(Math.exp(logGamma(5)) * 1e9) / 1e9; // Γ(5) = 4! = 24
 * //=> 24
 * ```
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0 && Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  if (x < 0.5) {
    // Reflection keeps the Lanczos sum away from its inaccurate region.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x === 1 || x === 2) return 0;
  if (x > 1e15) return x * (Math.log(x) - 1) - 0.5 * Math.log(x) + HALF_LOG_TWO_PI;
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The sign of Γ(x): +1 for positive x, alternating between the poles for
 * negative x. Used with {@link logGamma} where a formula takes Γ of negative
 * arguments (the 1 − z transformation of ₂F₁).
 *
 * @example
 * ```ts
 * import { gammaSign } from '@memberkit/core';
 * gammaSign(-0.5); // Γ(−0.5) = −2√π
 * //=> -1
 * ```
 */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return Number.NaN;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}
