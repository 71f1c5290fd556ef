import { digamma } from '../math/digamma.ts';
import { hyp2f1 } from '../math/hyp2f1.ts';
import { hyp2f1WithDerivatives } from '../math/hyp2f1WithDerivatives.ts';
import { logGamma } from '../math/logGamma.ts';
import { logSubExp } from '../math/logSumExp.ts';
import type { CustomerPatterns } from './customerPatterns.ts';

/**
 * ln of (r + s + x) ∫_y^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, the hypergeometric
 * term of Fader & Hardie's (2005) A₀, after Euler's transformation so the
 * ₂F₁ has a = 1 and positive terms (no overflow, no cancellation).
 *
 * @example
 * ```ts
 * import { paretoLogTail } from './paretoNbdLikelihood.ts';
 * // α = β: the integral is (α + y)^−(r+s+x) / (r + s + x) times (r + s + x)
 * paretoLogTail(1, 2, 1, 2, 0, 0);
 * //=> -1.3862943611198906
 * ```
 */
export function paretoLogTail(r: number, alpha: number, s: number, beta: number, x: number, y: number): number {
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + y);
    return Math.log(hyp2f1(1, r + x, c, z)) - (r + x) * Math.log(alpha + y) - s * Math.log(beta + y);
  }
  const z = (beta - alpha) / (beta + y);
  return Math.log(hyp2f1(1, s + 1, c, z)) + (1 - r - x) * Math.log(alpha + y) - (s + 1) * Math.log(beta + y);
}

/**
 * ln[(α+T)^−(r+x)(β+T)^−s] and ln[s/(r+s+x) · A₀]: the still-alive and the
 * died-in-(t_x, T] parts of a customer's Pareto/NBD likelihood (up to the
 * common factor Γ(r+x)α^r β^s / Γ(r)).
 *
 * @example
 * ```ts
 * import { paretoLogParts } from './paretoNbdLikelihood.ts';
 * paretoLogParts(1, 1, 1, 1, 0, 0, 0);
 * //=> [0, -Infinity]
 * ```
 */
export function paretoLogParts(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): [number, number] {
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (T === tx) return [alive, Number.NEGATIVE_INFINITY];
  const a0 = logSubExp(paretoLogTail(r, alpha, s, beta, x, tx), paretoLogTail(r, alpha, s, beta, x, T));
  return [alive, Math.log(s / (r + s + x)) + a0];
}

const series = new Float64Array(4);

/** paretoLogTail and its gradient in (r, α, s, β), written into `d`. */
function logTailWithGradient(r: number, alpha: number, s: number, beta: number, x: number, y: number, d: Float64Array): number {
  const c = r + s + x + 1;
  const ay = alpha + y;
  const by = beta + y;
  if (alpha >= beta) {
    const z = (alpha - beta) / ay;
    hyp2f1WithDerivatives(r + x, c, z, series);
    const [G, Gb, Gc, Gz] = series as unknown as [number, number, number, number];
    const la = Math.log(ay);
    const lb = Math.log(by);
    d[0] = (Gb + Gc) / G - la;
    d[1] = ((Gz / G) * by) / (ay * ay) - (r + x) / ay;
    d[2] = Gc / G - lb;
    d[3] = -Gz / G / ay - s / by;
    return Math.log(G) - (r + x) * la - s * lb;
  }
  const z = (beta - alpha) / by;
  hyp2f1WithDerivatives(s + 1, c, z, series);
  const [H, Hb, Hc, Hz] = series as unknown as [number, number, number, number];
  const la = Math.log(ay);
  const lb = Math.log(by);
  d[0] = Hc / H - la;
  d[1] = -Hz / H / by + (1 - r - x) / ay;
  d[2] = (Hb + Hc) / H - lb;
  d[3] = ((Hz / H) * ay) / (by * by) - (s + 1) / by;
  return Math.log(H) + (1 - r - x) * la - (s + 1) * lb;
}

/**
 * The distinct (x, y) pairs at which a pattern set needs the tail term — y
 * being a recency or a T — and each pattern's two indices into them. The tail
 * depends on nothing else, so a likelihood pass computes it once per pair
 * (CDNOW's 8,685 patterns need far fewer pairs than 2 × 8,685).
 *
 * @example
 * ```ts
 * import { paretoTailPairs } from './paretoNbdLikelihood.ts';
 * import { compressPatterns } from './customerPatterns.ts';
 * const pairs = paretoTailPairs(compressPatterns([{ frequency: 1, recency: 2, T: 5 }, { frequency: 1, recency: 2, T: 6 }]));
 * pairs.x.length;
 * //=> 3
 * ```
 */
export function paretoTailPairs(p: CustomerPatterns): { x: Float64Array; y: Float64Array; atRecency: Int32Array; atT: Int32Array } {
  const keys = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const indexOf = (x: number, y: number): number => {
    const key = `${x}|${y}`;
    let at = keys.get(key);
    if (at === undefined) {
      at = xs.length;
      keys.set(key, at);
      xs.push(x);
      ys.push(y);
    }
    return at;
  };
  const atRecency = new Int32Array(p.count);
  const atT = new Int32Array(p.count);
  for (let i = 0; i < p.count; i++) {
    atRecency[i] = indexOf(p.x[i] as number, p.tx[i] as number);
    atT[i] = indexOf(p.x[i] as number, p.T[i] as number);
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), atRecency, atT };
}

/**
 * Total Pareto/NBD log-likelihood over weighted patterns at θ = (r, α, s, β),
 * with the analytic gradient written into `grad` when given (the ₂F₁
 * parameter derivatives are summed alongside the series).
 *
 * @example
 * ```ts
 * import { paretoNbdLikelihood } from './paretoNbdLikelihood.ts';
 * import { compressPatterns } from './customerPatterns.ts';
 * // No repeat purchase, T = 0: the likelihood is 1.
 * paretoNbdLikelihood(compressPatterns([{ frequency: 0, recency: 0, T: 0 }]), Float64Array.of(1, 1, 1, 1));
 * //=> 0
 * ```
 */
export function paretoNbdLikelihood(p: CustomerPatterns, theta: Float64Array, grad?: Float64Array, pairs = paretoTailPairs(p)): number {
  const r = theta[0] as number;
  const alpha = theta[1] as number;
  const s = theta[2] as number;
  const beta = theta[3] as number;
  const lgR = logGamma(r);
  const dgR = grad ? digamma(r) : 0;
  const perLevel = new Float64Array(p.levels.length);
  const perLevelGrad = new Float64Array(p.levels.length);
  p.levels.forEach((x, j) => {
    perLevel[j] = logGamma(r + x) - lgR;
    if (grad) perLevelGrad[j] = digamma(r + x) - dgR;
  });
  const logAT = Float64Array.from(p.TLevels, (t) => Math.log(alpha + t));
  const logBT = Float64Array.from(p.TLevels, (t) => Math.log(beta + t));
  // Tail term (and its gradient) once per distinct (x, y) pair.
  const n = pairs.x.length;
  const tail = new Float64Array(n);
  const tailGrad = grad ? new Float64Array(4 * n) : undefined;
  const d = new Float64Array(4);
  for (let k = 0; k < n; k++) {
    if (tailGrad) {
      tail[k] = logTailWithGradient(r, alpha, s, beta, pairs.x[k] as number, pairs.y[k] as number, d);
      tailGrad.set(d, 4 * k);
    } else {
      tail[k] = paretoLogTail(r, alpha, s, beta, pairs.x[k] as number, pairs.y[k] as number);
    }
  }
  const W = p.totalWeight;
  let total = W * (r * Math.log(alpha) + s * Math.log(beta));
  let gr = W * Math.log(alpha);
  let ga = (W * r) / alpha;
  let gs = W * Math.log(beta);
  let gb = (W * s) / beta;
  for (let i = 0; i < p.count; i++) {
    const x = p.x[i] as number;
    const tx = p.tx[i] as number;
    const Ti = p.TLevel[i] as number;
    const T = p.TLevels[Ti] as number;
    const w = p.weight[i] as number;
    const j = p.level[i] as number;
    const alive = -(r + x) * (logAT[Ti] as number) - s * (logBT[Ti] as number);
    let died = Number.NEGATIVE_INFINITY;
    let rho = 0;
    const k1 = 4 * (pairs.atRecency[i] as number);
    const k2 = 4 * (pairs.atT[i] as number);
    if (T !== tx) {
      const L1 = tail[pairs.atRecency[i] as number] as number;
      const L2 = tail[pairs.atT[i] as number] as number;
      rho = Math.exp(L2 - L1);
      died = Math.log(s / (r + s + x)) + logSubExp(L1, L2);
    }
    const hi = Math.max(alive, died);
    const e = Math.exp(-Math.abs(alive - died));
    total += w * ((perLevel[j] as number) + hi + Math.log1p(e));
    if (grad) {
      // Weights of the alive and died parts in ln(e^alive + e^died).
      const wDied = died > alive ? 1 / (1 + e) : e / (1 + e);
      const wAlive = 1 - wDied;
      gr += w * ((perLevelGrad[j] as number) - wAlive * (logAT[Ti] as number));
      ga -= (w * wAlive * (r + x)) / (alpha + T);
      gs -= w * wAlive * (logBT[Ti] as number);
      gb -= (w * wAlive * s) / (beta + T);
      if (wDied > 0 && tailGrad) {
        // ∂ ln(e^L1 − e^L2) = (∂L1 − ρ ∂L2)/(1 − ρ); the cancellation as ρ → 1 is damped by wDied ∝ (1 − ρ).
        const k = (w * wDied) / (1 - rho);
        const inv = 1 / (r + s + x);
        gr += w * wDied * -inv + k * ((tailGrad[k1 + 0] as number) - rho * (tailGrad[k2 + 0] as number));
        ga += k * ((tailGrad[k1 + 1] as number) - rho * (tailGrad[k2 + 1] as number));
        gs += w * wDied * (1 / s - inv) + k * ((tailGrad[k1 + 2] as number) - rho * (tailGrad[k2 + 2] as number));
        gb += k * ((tailGrad[k1 + 3] as number) - rho * (tailGrad[k2 + 3] as number));
      }
    }
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = ga;
    grad[2] = gs;
    grad[3] = gb;
  }
  return total;
}
