import { logGamma } from '../math/logGamma.ts';

/**
 * P(N(t) = j) and P(N(t) < j) for the NBD purchase count of a customer who
 * stays active, with rates λ ~ Gamma(r, α): the building block of the
 * BG/NBD-family purchase-count distributions.
 *
 * @example
 * ```ts
 * import { nbdProbability } from './nbdProbability.ts';
 * // r = 1, α = 1, t = 1: geometric with p = ½, so P(N = 0) = ½ and P(N < 0) = 0
 * nbdProbability(1, 1, 1, 0);
 * //=> { exactly: 0.5, fewer: 0 }
 * ```
 */
export function nbdProbability(r: number, alpha: number, t: number, j: number): { exactly: number; fewer: number } {
  const logRatio = Math.log(alpha / (alpha + t));
  const logZ = t === 0 ? Number.NEGATIVE_INFINITY : Math.log(t / (alpha + t));
  const lgR = logGamma(r);
  const term = (k: number): number => Math.exp(logGamma(r + k) - lgR - logGamma(k + 1) + r * logRatio + (k === 0 ? 0 : k * logZ));
  let fewer = 0;
  for (let k = 0; k < j; k++) fewer += term(k);
  return { exactly: term(j), fewer: Math.min(1, fewer) };
}
