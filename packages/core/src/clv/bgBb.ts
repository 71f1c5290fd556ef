import { logBeta } from '../math/logBeta.ts';
import { logGamma } from '../math/logGamma.ts';
import { logAddExp, logSumExp } from '../math/logSumExp.ts';
import { MemberkitError } from '../errors/memberkitError.ts';
import { compressPatterns, type CustomerPatterns } from './customerPatterns.ts';
import { fitMaximumLikelihood } from './maximumLikelihood.ts';
import { checkPurchaseCount, fitSummary, givenParams, modelBasics, nearOne, startFrom, type FitSummary } from './modelSupport.ts';
import type { CustomerRow, FitOptions, TransactionModel } from './transactionModel.ts';

/**
 * A discrete-time history: `frequency` repeat transactions over `n`
 * transaction opportunities, the last at opportunity `recency` (0 if none).
 *
 * @example
 * ```ts
 * import type { BgBbRow } from '@memberkit/core';
 * const donor: BgBbRow = { frequency: 2, recency: 4, n: 6, weight: 155 };
 * ```
 */
export interface BgBbRow {
  readonly frequency: number;
  readonly recency: number;
  readonly n: number;
  readonly weight?: number;
}

/**
 * BG/BB parameters: transaction probability p ~ Beta(α, β) per opportunity,
 * dropout probability θ ~ Beta(γ, δ) per opportunity.
 *
 * @example
 * ```ts
 * import type { BgBbParams } from '@memberkit/core';
 * const donations: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * ```
 */
export interface BgBbParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

/** ln L(α, β, γ, δ | x, t_x, n), Fader, Hardie & Shang (2010) eq. 5, in log space. */
function logPatternLikelihood(theta: ArrayLike<number>, x: number, tx: number, n: number): number {
  const [alpha, beta, gamma, delta] = theta as [number, number, number, number];
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const aliveThroughout = logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
  const terms = new Float64Array(n - tx);
  for (let i = 0; i < n - tx; i++) terms[i] = logBeta(alpha + x, beta + tx - x + i) + logBeta(gamma + 1, delta + tx + i);
  return logAddExp(aliveThroughout, logSumExp(terms) - lbAB - lbGD);
}

function logLikelihood(p: CustomerPatterns, theta: Float64Array): number {
  let total = 0;
  for (let i = 0; i < p.count; i++) total += (p.weight[i] as number) * logPatternLikelihood(theta, p.x[i] as number, p.tx[i] as number, p.T[i] as number);
  return total;
}

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010) for discrete
 * transaction opportunities (yearly donations, weekly visits) by maximum
 * likelihood on log-parameters. Rows with the same (x, t_x, n) are
 * evaluated once.
 *
 * @example
 * ```ts
 * import { fitBgBb } from '@memberkit/core';
 * const m = fitBgBb([{ frequency: 0, recency: 0, n: 6, weight: 3464 }, { frequency: 1, recency: 1, n: 6, weight: 1091 }, { frequency: 3, recency: 5, n: 6, weight: 225 }, { frequency: 6, recency: 6, n: 6, weight: 1203 }]);
 * m.params.alpha > 0;
 * //=> true
 * ```
 */
export function fitBgBb(rows: Iterable<BgBbRow>, options: FitOptions<BgBbParams> = {}): TransactionModel<BgBbParams, BgBbRow> {
  const p = compressPatterns(rows as Iterable<CustomerRow & { n: number }>, 'n');
  const fit = fitMaximumLikelihood(
    {
      names: NAMES,
      start: startFrom(NAMES, options.initialParams, { alpha: 1, beta: 1, gamma: 1, delta: 1 }),
      totalWeight: p.totalWeight,
      logLikelihood: (theta) => logLikelihood(p, theta),
    },
    { ...options, what: 'fitBgBb' },
  );
  return bgBbModel(...fitSummary(NAMES, fit, p.count, p.totalWeight));
}

function checkBgBbRow(row: BgBbRow): void {
  const { frequency: x, recency: tx, n } = row;
  if (![x, tx, n].every(Number.isInteger) || x < 0 || tx < x || n < tx || (x > 0 && tx === 0)) {
    throw new MemberkitError('invalid_input', `a BG/BB row needs whole numbers 0 ≤ frequency ≤ recency ≤ n, got (${x}, ${tx}, ${n})`, { field: 'row' });
  }
}

function checkPeriods(t: number): void {
  if (!Number.isInteger(t) || t < 0) throw new MemberkitError('invalid_input', `t counts transaction opportunities: a whole number ≥ 0, got ${t}`, { field: 't' });
}

/**
 * A BG/BB model from known parameters, with FHS (2010) predictions; `t` and
 * `n` count transaction opportunities. `probabilityAlive(row)` is the
 * probability of being alive at the next opportunity n + 1 (their Table 6).
 *
 * @example
 * ```ts
 * import { bgBbModel } from '@memberkit/core';
 * const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * Math.round(m.probabilityAlive({ frequency: 6, recency: 6, n: 6 }) * 100) / 100;
 * //=> 0.93
 * ```
 */
export function bgBbModel(
  params: BgBbParams,
  fit: FitSummary<BgBbParams> = givenParams(NAMES),
): TransactionModel<BgBbParams, BgBbRow> {
  const { alpha, beta, gamma, delta } = params;
  const theta = [alpha, beta, gamma, delta];
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  // δ/(γ − 1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+u)/Γ(γ+δ+u)] differences; singular in form at γ = 1.
  const survivalSum = (g: number, from: number, to: number): number =>
    (delta / (g - 1)) *
    Math.exp(logGamma(g + delta) - logGamma(1 + delta)) *
    (Math.exp(logGamma(1 + delta + from) - logGamma(g + delta + from)) - Math.exp(logGamma(1 + delta + to) - logGamma(g + delta + to)));
  const aliveSum = (from: number, to: number): number => (nearOne(gamma) ? 0.5 * (survivalSum(1 - 1e-6, from, to) + survivalSum(1 + 1e-6, from, to)) : survivalSum(gamma, from, to));
  return {
    kind: 'bg_bb',
    ...modelBasics(params, fit),
    expectedPurchases(t) {
      checkPeriods(t);
      return (alpha / (alpha + beta)) * aliveSum(0, t);
    },
    conditionalExpectedPurchases(t, row) {
      checkPeriods(t);
      checkBgBbRow(row);
      const { frequency: x, n } = row;
      const logL = logPatternLikelihood(theta, x, row.recency, n);
      return Math.exp(logBeta(alpha + x + 1, beta + n - x) - lbAB - logL) * aliveSum(n, n + t);
    },
    probabilityAlive(row) {
      checkBgBbRow(row);
      const { frequency: x, n } = row;
      const logL = logPatternLikelihood(theta, x, row.recency, n);
      return Math.min(1, Math.exp(logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n + 1) - lbGD - logL));
    },
    probabilityOfPurchases(x, t) {
      checkPurchaseCount(x);
      checkPeriods(t);
      if (x > t) return 0;
      const logChoose = (a: number, b: number): number => logGamma(a + 1) - logGamma(b + 1) - logGamma(a - b + 1);
      let p = Math.exp(logChoose(t, x) + logBeta(alpha + x, beta + t - x) - lbAB + logBeta(gamma, delta + t) - lbGD);
      for (let i = x; i < t; i++) p += Math.exp(logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) - lbGD);
      return p;
    },
  };
}
