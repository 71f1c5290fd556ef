import { MemberkitError } from '../errors/memberkitError.ts';
import { logBeta } from '../math/logBeta.ts';
import { fitMaximumLikelihood } from './maximumLikelihood.ts';
import { paramsFrom, startFrom } from './modelSupport.ts';
import type { FitOptions } from './transactionModel.ts';

/**
 * sBG parameters: each customer's per-period churn probability θ ~ Beta(α, β).
 *
 * @example
 * ```ts
 * import type { ShiftedBetaGeometricParams } from '@memberkit/core';
 * const regular: ShiftedBetaGeometricParams = { alpha: 0.704, beta: 1.182 };
 * ```
 */
export interface ShiftedBetaGeometricParams {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * A fitted shifted-beta-geometric retention model.
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric, type ShiftedBetaGeometricModel } from '@memberkit/core';
 * const m: ShiftedBetaGeometricModel = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * Math.round(m.survival(1) * 1000);
 * //=> 627
 * ```
 */
export interface ShiftedBetaGeometricModel {
  readonly params: Readonly<ShiftedBetaGeometricParams>;
  readonly logLikelihood: number;
  readonly standardErrors: Readonly<ShiftedBetaGeometricParams>;
  /** Share of the cohort still active after t periods: B(α, β + t)/B(α, β). */
  survival(t: number): number;
  /** Share of those active at t − 1 who renew for period t: (β + t − 1)/(α + β + t − 1), rising with t as the churn-prone leave. */
  retentionRate(t: number): number;
  /** Probability of churning in exactly period t: B(α + 1, β + t − 1)/B(α, β). */
  churnProbability(t: number): number;
}

const NAMES = ['alpha', 'beta'] as const;

/**
 * Fits the shifted-beta-geometric model of contractual retention (Fader &
 * Hardie 2007, "How to project customer retention") from the number still
 * active at the start of each period, `alive[0]` being the cohort size.
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from '@memberkit/core';
 * const m = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * [Math.round(m.params.alpha * 1000) / 1000, Math.round(m.params.beta * 1000) / 1000];
 * //=> [0.704, 1.182]
 * ```
 */
export function fitShiftedBetaGeometric(alive: readonly number[], options: FitOptions<ShiftedBetaGeometricParams> = {}): ShiftedBetaGeometricModel {
  if (!Array.isArray(alive) || alive.length < 2) {
    throw new MemberkitError('insufficient_data', 'alive needs the cohort size and at least one later count', { field: 'alive' });
  }
  alive.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0 || (i > 0 && v > (alive[i - 1] as number))) {
      throw new MemberkitError('invalid_input', `alive[${i}] must be a count ≥ 0 and not above alive[${i - 1}], got ${v}`, { field: `alive[${i}]` });
    }
  });
  if (!((alive[0] as number) > 0)) throw new MemberkitError('insufficient_data', 'the cohort is empty', { field: 'alive[0]' });
  const periods = alive.length - 1;
  const logLikelihood = (theta: Float64Array): number => {
    const a = theta[0] as number;
    const b = theta[1] as number;
    // P(T = t) by the recursion P(1) = α/(α+β), P(t) = P(t−1)(β+t−2)/(α+β+t−1).
    let pt = a / (a + b);
    let total = 0;
    for (let t = 1; t <= periods; t++) {
      if (t > 1) pt *= (b + t - 2) / (a + b + t - 1);
      const churned = (alive[t - 1] as number) - (alive[t] as number);
      if (churned > 0) total += churned * Math.log(pt);
    }
    // Survival by the beta function rather than the running difference, which cancels for long horizons.
    const last = alive[periods] as number;
    return total + (last > 0 ? last * (logBeta(a, b + periods) - logBeta(a, b)) : 0);
  };
  const fit = fitMaximumLikelihood(
    { names: NAMES, start: startFrom(NAMES, options.initialParams, { alpha: 1, beta: 1 }), totalWeight: alive[0] as number, logLikelihood },
    { ...options, what: 'fitShiftedBetaGeometric' },
  );
  const params = paramsFrom(NAMES, fit.theta);
  const { alpha, beta } = params;
  const checkT = (t: number, min: number): void => {
    if (!Number.isFinite(t) || t < min) throw new MemberkitError('invalid_input', `t must be a number ≥ ${min}, got ${t}`, { field: 't' });
  };
  return {
    params: Object.freeze(params),
    logLikelihood: fit.logLikelihood,
    standardErrors: Object.freeze(paramsFrom(NAMES, fit.standardErrors)),
    survival(t) {
      checkT(t, 0);
      return Math.exp(logBeta(alpha, beta + t) - logBeta(alpha, beta));
    },
    retentionRate(t) {
      checkT(t, 1);
      return (beta + t - 1) / (alpha + beta + t - 1);
    },
    churnProbability(t) {
      checkT(t, 1);
      return Math.exp(logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta));
    },
  };
}
