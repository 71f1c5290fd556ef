import { digamma } from '../math/digamma.ts';
import { logGamma } from '../math/logGamma.ts';
import type { CustomerPatterns } from './customerPatterns.ts';

/**
 * Total log-likelihood of the BG/NBD (`shift` 0) or MBG/NBD (`shift` 1)
 * model over weighted patterns, with ∂LL/∂θ written into `grad` when given.
 * The two differ only in whether the dropout coin is also tossed right after
 * the first purchase, which shifts b + x − 1 to b + x. θ = (r, α, a, b).
 *
 * @example
 * ```ts
 * import { bgNbdLikelihood, levelWeights } from './bgNbdLikelihood.ts';
 * import { compressPatterns } from './customerPatterns.ts';
 * const p = compressPatterns([{ frequency: 0, recency: 0, T: 1 }]);
 * // One customer, no repeat purchase in T = 1 with r = α = 1: ln(α/(α+T))^r = ln ½
 * bgNbdLikelihood(p, levelWeights(p).levelWeight, 0, Float64Array.of(1, 1, 1, 1));
 * //=> -0.6931471805599453
 * ```
 */
export function bgNbdLikelihood(p: CustomerPatterns, levelWeight: Float64Array, shift: 0 | 1, theta: Float64Array, grad?: Float64Array): number {
  const r = theta[0] as number;
  const alpha = theta[1] as number;
  const a = theta[2] as number;
  const b = theta[3] as number;
  const L = p.levels.length;
  // Terms that depend on the pattern only through x are computed once per distinct x.
  const c4 = new Float64Array(L);
  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const lgR = logGamma(r);
  const lgAB = logGamma(a + b);
  const lgB = logGamma(b);
  const logAlpha = Math.log(alpha);
  const dgR = grad ? digamma(r) : 0;
  const dgAB = grad ? digamma(a + b) : 0;
  const dgB = grad ? digamma(b) : 0;
  for (let j = 0; j < L; j++) {
    const x = p.levels[j] as number;
    const wj = levelWeight[j] as number;
    total += wj * (logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x + shift) - lgB - logGamma(a + b + x + shift));
    c4[j] = x + shift > 0 ? Math.log(a) - Math.log(b + x - 1 + shift) : 0;
    if (grad) {
      gr += wj * (digamma(r + x) - dgR + logAlpha);
      gAlpha += (wj * r) / alpha;
      const dgABX = digamma(a + b + x + shift);
      ga += wj * (dgAB - dgABX);
      gb += wj * (dgAB + digamma(b + x + shift) - dgB - dgABX);
    }
  }
  const { x: xs, weight, level, count, txLevel, TLevel } = p;
  // ln(α + t) and 1/(α + t) once per distinct recency and T (a few hundred days), not per pattern.
  const logAT = Float64Array.from(p.TLevels, (t) => Math.log(alpha + t));
  const logAt = Float64Array.from(p.txLevels, (t) => Math.log(alpha + t));
  const invAT = Float64Array.from(p.TLevels, (t) => 1 / (alpha + t));
  const invAt = Float64Array.from(p.txLevels, (t) => 1 / (alpha + t));
  // Σ w·w4 per distinct x: the a and b gradient terms depend on the pattern only through x.
  const w4ByLevel = new Float64Array(L);
  for (let i = 0; i < count; i++) {
    const x = xs[i] as number;
    const w = weight[i] as number;
    const rx = r + x;
    const Ti = TLevel[i] as number;
    const lT = logAT[Ti] as number;
    if (x + shift === 0) {
      total -= w * rx * lT;
      if (grad) {
        gr -= w * lT;
        gAlpha -= w * rx * (invAT[Ti] as number);
      }
      continue;
    }
    const ti = txLevel[i] as number;
    const lt = logAt[ti] as number;
    // ln(e^A3 + e^A4) = A3 + ln(1 + e^d) with d = A4 − A3, overflow-free either sign.
    const j = level[i] as number;
    const d = (c4[j] as number) + rx * (lT - lt);
    const e = Math.exp(-Math.abs(d));
    total += w * ((d > 0 ? d : 0) + Math.log1p(e) - rx * lT);
    if (grad) {
      const w4 = (d > 0 ? 1 : e) / (1 + e);
      const w3 = 1 - w4;
      gr -= w * (w3 * lT + w4 * lt);
      gAlpha -= w * rx * (w3 * (invAT[Ti] as number) + w4 * (invAt[ti] as number));
      w4ByLevel[j] = (w4ByLevel[j] as number) + w * w4;
    }
  }
  if (grad) {
    for (let j = 0; j < L; j++) {
      const x = p.levels[j] as number;
      const sw4 = w4ByLevel[j] as number;
      if (sw4 === 0) continue;
      ga += sw4 / a;
      gb -= sw4 / (b + x - 1 + shift);
    }
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga;
    grad[3] = gb;
  }
  return total;
}

/**
 * Total weight per distinct frequency (for the per-x terms of the
 * likelihood) and the weighted mean T (a scale for starting values).
 *
 * @example
 * ```ts
 * import { levelWeights } from './bgNbdLikelihood.ts';
 * import { compressPatterns } from './customerPatterns.ts';
 * const { levelWeight, meanT } = levelWeights(compressPatterns([{ frequency: 0, recency: 0, T: 2 }, { frequency: 1, recency: 1, T: 4 }]));
 * [Array.from(levelWeight), meanT];
 * //=> [[1, 1], 3]
 * ```
 */
export function levelWeights(p: CustomerPatterns): { levelWeight: Float64Array; meanT: number } {
  const levelWeight = new Float64Array(p.levels.length);
  let meanT = 0;
  for (let i = 0; i < p.count; i++) {
    const j = p.level[i] as number;
    levelWeight[j] = (levelWeight[j] as number) + (p.weight[i] as number);
    meanT += ((p.weight[i] as number) * (p.T[i] as number)) / p.totalWeight;
  }
  return { levelWeight, meanT };
}
