import { logGamma } from './logGamma.ts';

/**
 * The natural logarithm of the beta function, ln B(a, b) =
 * ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 *
 * @example
 * ```ts
 * import { logBeta } from '@memberkit/core';
 * Math.round(Math.exp(logBeta(2, 3)) * 12 * 1e12) / 1e12; // B(2, 3) = 1/12
 * //=> 1
 * ```
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
