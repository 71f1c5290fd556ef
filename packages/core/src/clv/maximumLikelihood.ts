import { MemberkitError } from '../errors/memberkitError.ts';
import { hessian } from '../math/hessian.ts';
import { invertSymmetric } from '../math/invertSymmetric.ts';
import { minimizeBfgs } from '../math/minimizeBfgs.ts';

/**
 * What a model contributes to {@link fitMaximumLikelihood}: the total
 * log-likelihood over its (weighted) data at natural-scale parameters θ, and
 * optionally its gradient ∂LL/∂θ written into `gradient`.
 *
 * @example
 * ```ts
 * import type { LikelihoodProblem } from './maximumLikelihood.ts';
 * // Poisson rate from 4 counts summing to 10: LL(λ) = 10 ln λ − 4λ.
 * const poisson: LikelihoodProblem = { names: ['lambda'], start: [1], totalWeight: 4,
 *   logLikelihood: (t) => 10 * Math.log(t[0]) - 4 * t[0] };
 * ```
 */
export interface LikelihoodProblem {
  readonly names: readonly string[];
  readonly start: readonly number[];
  readonly totalWeight: number;
  logLikelihood(theta: Float64Array): number;
  gradient?(theta: Float64Array, out: Float64Array): number;
}

/**
 * What {@link fitMaximumLikelihood} found.
 *
 * @example
 * ```ts
 * import { fitMaximumLikelihood } from './maximumLikelihood.ts';
 * const fit = fitMaximumLikelihood({ names: ['lambda'], start: [1], totalWeight: 4,
 *   logLikelihood: (t) => 10 * Math.log(t[0]) - 4 * t[0] }, { what: 'example' });
 * Math.round(fit.theta[0] * 1e6) / 1e6; // MLE: the mean count
 * //=> 2.5
 * Math.round(fit.standardErrors[0] * 1e4) / 1e4; // sqrt(λ / n) = sqrt(2.5 / 4)
 * //=> 0.7906
 * ```
 */
export interface MaximumLikelihoodResult {
  readonly theta: Float64Array;
  readonly logLikelihood: number;
  readonly standardErrors: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
}

/**
 * Options for {@link fitMaximumLikelihood}.
 *
 * @example
 * ```ts
 * import type { MaximumLikelihoodOptions } from './maximumLikelihood.ts';
 * // lifetimes' defaults: no penalty; the fit names itself in errors
 * const options: MaximumLikelihoodOptions = { what: 'fitBgNbd', penalizer: 0 };
 * ```
 */
export interface MaximumLikelihoodOptions {
  readonly penalizer?: number;
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** Names the fit in errors (`fitBgNbd`). */
  readonly what: string;
}

/**
 * Maximises a likelihood over positive parameters the way lifetimes does:
 * BFGS on log θ, minimising the mean negative log-likelihood plus
 * penalizer · Σθ². Standard errors come from the inverse of the observed
 * information (the Hessian of −LL in θ). Throws `not_converged` rather than
 * returning a non-finite or unconverged answer, or one whose Hessian is not
 * positive definite (parameters the data cannot pin down).
 *
 * @example
 * ```ts
 * import { fitMaximumLikelihood } from './maximumLikelihood.ts';
 * // Exponential rate from 3 waiting times summing to 6: MLE λ = 0.5.
 * const fit = fitMaximumLikelihood({ names: ['lambda'], start: [1], totalWeight: 3,
 *   logLikelihood: (t) => 3 * Math.log(t[0]) - t[0] * 6 }, { what: 'example' });
 * Math.round(fit.theta[0] * 1e6) / 1e6;
 * //=> 0.5
 * ```
 */
export function fitMaximumLikelihood(problem: LikelihoodProblem, options: MaximumLikelihoodOptions): MaximumLikelihoodResult {
  const k = problem.names.length;
  const penalizer = options.penalizer ?? 0;
  if (!Number.isFinite(penalizer) || penalizer < 0) {
    throw new MemberkitError('invalid_input', `${options.what}: penalizer must be a number ≥ 0`, { field: 'penalizer' });
  }
  for (let i = 0; i < k; i++) {
    const v = problem.start[i] as number;
    if (!(Number.isFinite(v) && v > 0)) {
      throw new MemberkitError('invalid_input', `${options.what}: initial ${problem.names[i]} must be a positive number, got ${v}`, {
        field: `initialParams.${problem.names[i]}`,
      });
    }
  }
  const W = problem.totalWeight;
  const theta = new Float64Array(k);
  const gradTheta = new Float64Array(k);
  const ll = (t: Float64Array): number => problem.logLikelihood(t);
  const scratch = new Float64Array(k);
  const llGradient = (t: Float64Array, out: Float64Array): number => {
    if (problem.gradient) return problem.gradient(t, out);
    // Central differences in log θ, so a perturbed parameter can never leave (0, ∞).
    const h = 1e-5;
    scratch.set(t);
    for (let i = 0; i < k; i++) {
      const ti = t[i] as number;
      scratch[i] = ti * Math.exp(h);
      const up = ll(scratch);
      scratch[i] = ti * Math.exp(-h);
      const down = ll(scratch);
      scratch[i] = ti;
      out[i] = (up - down) / (2 * ti * Math.sinh(h));
    }
    return ll(t);
  };
  const objective = (u: Float64Array, g: Float64Array): number => {
    for (let i = 0; i < k; i++) theta[i] = Math.exp(u[i] as number);
    let value: number;
    try {
      value = llGradient(theta, gradTheta);
    } catch {
      // A trial point where a special function cannot be evaluated: let the line search back off.
      return Number.POSITIVE_INFINITY;
    }
    if (!Number.isFinite(value)) return Number.POSITIVE_INFINITY;
    let penalty = 0;
    for (let i = 0; i < k; i++) {
      const t = theta[i] as number;
      penalty += t * t;
      g[i] = (-t * (gradTheta[i] as number)) / W + 2 * penalizer * t * t;
    }
    return -value / W + penalizer * penalty;
  };
  const result = minimizeBfgs(
    objective,
    problem.start.map((v) => Math.log(v)),
    { gradientTolerance: options.tolerance ?? 1e-7, maxIterations: options.maxIterations ?? 500 },
  );
  const best = Float64Array.from(result.x, Math.exp);
  // One gradient pass at the optimum gives the log-likelihood and the base point of the Hessian.
  const gradientAtBest = new Float64Array(k);
  const logLikelihood = result.converged ? llGradient(best, gradientAtBest) : ll(best);
  if (!result.converged || !Number.isFinite(logLikelihood) || !best.every((v) => Number.isFinite(v) && v > 0)) {
    throw new MemberkitError(
      'not_converged',
      `${options.what} did not converge (${result.reason} after ${result.iterations} iterations); try a penalizer or other initial parameters`,
      { details: { iterations: result.iterations, reason: result.reason, params: Object.fromEntries(problem.names.map((n, i) => [n, best[i]])), gradient: Array.from(result.gradient) } },
    );
  }
  // Observed information in θ: the Hessian of −LL (without the penalty).
  const H = hessian(
    (t, out) => {
      llGradient(t, out);
      for (let i = 0; i < k; i++) out[i] = -(out[i] as number);
    },
    best,
    gradientAtBest.map((v) => -v),
  );
  const inverse = invertSymmetric(H, k);
  if (inverse === undefined) {
    // A flat or saddle direction: some parameters run off without changing the fit (e.g. Pareto/NBD's
    // s and β on data without dropout heterogeneity). Their values would mean nothing.
    throw new MemberkitError(
      'not_converged',
      `${options.what} found no well-defined maximum: the likelihood is flat along some parameters (${problem.names
        .map((n, i) => `${n} = ${(best[i] as number).toPrecision(4)}`)
        .join(', ')}); try a penalizer`,
      { details: { reason: 'not_identified', params: Object.fromEntries(problem.names.map((n, i) => [n, best[i]])) } },
    );
  }
  const standardErrors = new Float64Array(k);
  for (let i = 0; i < k; i++) standardErrors[i] = Math.sqrt(inverse[i * k + i] as number);
  return { theta: best, logLikelihood, standardErrors, iterations: result.iterations, evaluations: result.evaluations };
}
