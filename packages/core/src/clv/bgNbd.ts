import { digamma } from '../math/digamma.ts';
import { hyp2f1 } from '../math/hyp2f1.ts';
import { logBeta } from '../math/logBeta.ts';
import { logGamma } from '../math/logGamma.ts';
import { compressPatterns, type CustomerPatterns } from './customerPatterns.ts';
import { fitMaximumLikelihood } from './maximumLikelihood.ts';
import { checkHorizon, checkPurchaseCount, checkRow, nearOne, paramsFrom, startFrom } from './modelSupport.ts';
import type { CustomerRow, FitDiagnostics, FitOptions, TransactionModel } from './transactionModel.ts';

/**
 * BG/NBD parameters: purchase rates λ ~ Gamma(r, α) (α a time scale),
 * dropout after each purchase with probability p ~ Beta(a, b).
 *
 * @example
 * ```ts
 * import type { BgNbdParams } from '@memberkit/core';
 * const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * ```
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Total BG/NBD log-likelihood over the patterns, with ∂LL/∂θ when `grad` is given. */
function logLikelihood(p: CustomerPatterns, levelWeight: Float64Array, theta: Float64Array, grad?: Float64Array): number {
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
    total += wj * (logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x));
    c4[j] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
    if (grad) {
      gr += wj * (digamma(r + x) - dgR + logAlpha);
      gAlpha += (wj * r) / alpha;
      const dgABX = digamma(a + b + x);
      ga += wj * (dgAB - dgABX);
      gb += wj * (dgAB + digamma(b + x) - dgB - dgABX);
    }
  }
  const { x: xs, tx: txs, T: Ts, weight, level, count } = p;
  for (let i = 0; i < count; i++) {
    const x = xs[i] as number;
    const w = weight[i] as number;
    const rx = r + x;
    const aT = alpha + (Ts[i] as number);
    const lT = Math.log(aT);
    if (x === 0) {
      total -= w * rx * lT;
      if (grad) {
        gr -= w * lT;
        gAlpha -= (w * rx) / aT;
      }
      continue;
    }
    const at = alpha + (txs[i] as number);
    const lt = Math.log(at);
    // ln(e^A3 + e^A4) = A3 + ln(1 + e^d) with d = A4 − A3, overflow-free either sign.
    const d = (c4[level[i] as number] as number) + rx * (lT - lt);
    const softplus = d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
    total += w * (softplus - rx * lT);
    if (grad) {
      const w4 = d > 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d));
      const w3 = 1 - w4;
      gr -= w * (w3 * lT + w4 * lt);
      gAlpha -= w * rx * (w3 / aT + w4 / at);
      ga += (w * w4) / a;
      gb -= (w * w4) / (b + x - 1);
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
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers
 * the easy way") by maximum likelihood with analytic gradients, on
 * weight-compressed (x, t_x, T) patterns.
 *
 * @example
 * ```ts
 * import { fitBgNbd } from '@memberkit/core';
 * const rows = [{ frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 1, recency: 1.71, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 7, recency: 29.43, T: 38.86 }];
 * const model = fitBgNbd(rows, { penalizer: 0.01 });
 * model.params.r > 0;
 * //=> true
 * ```
 */
export function fitBgNbd(rows: Iterable<CustomerRow>, options: FitOptions<BgNbdParams> = {}): TransactionModel<BgNbdParams> {
  const p = compressPatterns(rows);
  const levelWeight = new Float64Array(p.levels.length);
  let meanT = 0;
  for (let i = 0; i < p.count; i++) {
    const j = p.level[i] as number;
    levelWeight[j] = (levelWeight[j] as number) + (p.weight[i] as number);
    meanT += ((p.weight[i] as number) * (p.T[i] as number)) / p.totalWeight;
  }
  const fit = fitMaximumLikelihood(
    {
      names: NAMES,
      start: startFrom(NAMES, options.initialParams, { r: 1, alpha: Math.max(meanT, 1e-3), a: 1, b: 1 }),
      totalWeight: p.totalWeight,
      logLikelihood: (theta) => logLikelihood(p, levelWeight, theta),
      gradient: (theta, out) => logLikelihood(p, levelWeight, theta, out),
    },
    { ...options, what: 'fitBgNbd' },
  );
  return bgNbdModel(paramsFrom(NAMES, fit.theta), {
    logLikelihood: fit.logLikelihood,
    standardErrors: paramsFrom(NAMES, fit.standardErrors),
    diagnostics: { iterations: fit.iterations, evaluations: fit.evaluations, patterns: p.count, customers: p.customers },
  });
}

/**
 * A BG/NBD model from known parameters (for example published ones), with
 * the predictions of Fader, Hardie & Lee (2005): E[X(t)] eq. 9, P(X(t) = x)
 * eq. 8, P(alive) and the conditional expectation eq. 10.
 *
 * @example
 * ```ts
 * import { bgNbdModel } from '@memberkit/core';
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * Math.round(m.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 }) * 1000) / 1000;
 * //=> 1.226
 * ```
 */
export function bgNbdModel(
  params: BgNbdParams,
  fit: { logLikelihood: number; standardErrors: BgNbdParams; diagnostics?: FitDiagnostics } = {
    logLikelihood: 0,
    standardErrors: { r: Number.POSITIVE_INFINITY, alpha: Number.POSITIVE_INFINITY, a: Number.POSITIVE_INFINITY, b: Number.POSITIVE_INFINITY },
  },
): TransactionModel<BgNbdParams> {
  const { r, alpha, a, b } = params;
  const lbAB = logBeta(a, b);
  const alive = (row: CustomerRow): number => {
    if (row.frequency === 0) return 1;
    const x = row.frequency;
    const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + row.T) - Math.log(alpha + row.recency));
    return 1 / (1 + Math.exp(logOdds));
  };
  // (a + b − 1)/(a − 1) is singular at a = 1; the expectation itself is not, so average around it.
  const aroundOne = (f: (aa: number) => number): number => (nearOne(a) ? 0.5 * (f(1 - 1e-6) + f(1 + 1e-6)) : f(a));
  return {
    kind: 'bg_nbd',
    params: Object.freeze({ ...params }),
    logLikelihood: fit.logLikelihood,
    standardErrors: Object.freeze({ ...fit.standardErrors }),
    ...(fit.diagnostics ? { diagnostics: fit.diagnostics } : {}),
    expectedPurchases(t) {
      checkHorizon(t);
      if (t === 0) return 0;
      return aroundOne((aa) => ((aa + b - 1) / (aa - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, aa + b - 1, t / (alpha + t))));
    },
    conditionalExpectedPurchases(t, row) {
      checkHorizon(t);
      checkRow(row);
      if (t === 0) return 0;
      const x = row.frequency;
      const aT = alpha + row.T;
      const z = t / (aT + t);
      return (
        aroundOne(
          (aa) => ((aa + b + x - 1) / (aa - 1)) * (1 - Math.pow(aT / (aT + t), r + x) * hyp2f1(r + x, b + x, aa + b + x - 1, z)),
        ) * alive(row)
      );
    },
    probabilityAlive(row) {
      checkRow(row);
      return alive(row);
    },
    probabilityOfPurchases(n, t) {
      checkPurchaseCount(n);
      checkHorizon(t);
      const logRatio = Math.log(alpha / (alpha + t));
      const logZ = t === 0 ? Number.NEGATIVE_INFINITY : Math.log(t / (alpha + t));
      // NBD(j) = Γ(r + j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j, accumulated for j < n.
      const nbd = (j: number): number => Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logRatio + (j === 0 ? 0 : j * logZ));
      let p = Math.exp(logBeta(a, b + n) - lbAB) * nbd(n);
      if (n > 0) {
        let cumulative = 0;
        for (let j = 0; j < n; j++) cumulative += nbd(j);
        p += Math.exp(logBeta(a + 1, b + n - 1) - lbAB) * Math.max(0, 1 - cumulative);
      }
      return p;
    },
  };
}
