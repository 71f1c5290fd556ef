import { MemberkitError } from '../errors/memberkitError.ts';
import { gammaSign, logGamma } from './logGamma.ts';

const MAX_TERMS = 1_000_000;
const EPSILON = 1e-16;

/** Σ (a)ₙ(b)ₙ/(c)ₙ zⁿ/n!, summed until the terms stop mattering. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    // A zero term means a terminating series (a or b a non-positive integer).
    if (term === 0 || Math.abs(term) <= EPSILON * Math.abs(sum)) return sum;
  }
  throw new MemberkitError('not_converged', `hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`, { field: 'z' });
}

/** Γ(n₁)Γ(n₂) / (Γ(d₁)Γ(d₂)) with signs, and 0 when a denominator sits on a pole. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  if ((d1 <= 0 && Number.isInteger(d1)) || (d2 <= 0 && Number.isInteger(d2))) return 0;
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  return sign * Math.exp(logGamma(n1) + logGamma(n2) - logGamma(d1) - logGamma(d2));
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and
 * z < 1, as the Pareto/NBD and BG/NBD expectations need it.
 *
 * Near z = 1 the power series converges too slowly (and loses digits), so for
 * z > 0.9 the 1 − z connection formula is used when c − a − b is not an
 * integer; negative z goes through the Pfaff transformation onto (0, 1).
 *
 * @example
 * ```ts
 * import { hyp2f1 } from '@memberkit/core';
 * Math.round(hyp2f1(1, 1, 2, 0.5) * 1e12) / 1e12; // −ln(1 − z)/z = 2 ln 2
 * //=> 1.386294361120
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) {
    throw new MemberkitError('invalid_input', `hyp2f1 needs finite arguments, got (${a}, ${b}; ${c}; ${z})`, { field: 'z' });
  }
  if (c <= 0 && Number.isInteger(c)) {
    throw new MemberkitError('invalid_input', `hyp2f1 is undefined for c = ${c}`, { field: 'c' });
  }
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z >= 1) {
    if (z === 1 && c - a - b > 0) return gammaRatio(c, c - a - b, c - a, c - b);
    throw new MemberkitError('invalid_input', `hyp2f1 diverges at z = ${z}`, { field: 'z' });
  }
  if (z < 0) {
    // Pfaff: maps z ∈ (−∞, 0) onto w ∈ (0, 1).
    const w = z / (z - 1);
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, w);
  }
  const s = c - a - b;
  if (z > 0.9 && Math.abs(s - Math.round(s)) > 1e-6) {
    const w = 1 - z;
    const first = gammaRatio(c, s, c - a, c - b);
    const second = gammaRatio(c, -s, a, b);
    return (
      (first === 0 ? 0 : first * series(a, b, 1 - s, w)) +
      (second === 0 ? 0 : second * Math.pow(w, s) * series(c - a, c - b, 1 + s, w))
    );
  }
  if (z > 0.5 && s < 0) {
    // Euler: the transformed series has positive excess c − a − b and converges faster.
    return Math.pow(1 - z, s) * series(c - a, c - b, c, z);
  }
  return series(a, b, c, z);
}
