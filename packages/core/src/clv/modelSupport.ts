import { MemberkitError } from '../errors/memberkitError.ts';
import type { MaximumLikelihoodResult } from './maximumLikelihood.ts';
import type { CustomerRow, FitDiagnostics } from './transactionModel.ts';

/**
 * Starting values for a fit in parameter order: the caller's where given
 * (validated by the fitter), otherwise the model's defaults.
 *
 * @example
 * ```ts
 * import { startFrom } from './modelSupport.ts';
 * startFrom(['r', 'alpha'], { alpha: 5 }, { r: 1, alpha: 1 });
 * //=> [1, 5]
 * ```
 */
export function startFrom<K extends string>(names: readonly K[], given: Partial<Record<K, number>> | undefined, defaults: Record<K, number>): number[] {
  return names.map((n) => given?.[n] ?? defaults[n]);
}

/**
 * A named parameter record from a vector in parameter order.
 *
 * @example
 * ```ts
 * import { paramsFrom } from './modelSupport.ts';
 * paramsFrom(['p', 'q'], [1, 2]);
 * //=> { p: 1, q: 2 }
 * ```
 */
export function paramsFrom<K extends string>(names: readonly K[], values: ArrayLike<number>): Record<K, number> {
  const out = {} as Record<K, number>;
  names.forEach((n, i) => {
    out[n] = values[i] as number;
  });
  return out;
}

/**
 * Throws `invalid_input` unless `t` is a finite horizon ≥ 0.
 *
 * @example
 * ```ts
 * import { checkHorizon } from './modelSupport.ts';
 * checkHorizon(39);
 * //=> undefined
 * ```
 */
export function checkHorizon(t: number, field = 't'): void {
  if (!Number.isFinite(t) || t < 0) throw new MemberkitError('invalid_input', `${field} must be a finite number ≥ 0, got ${t}`, { field });
}

/**
 * Throws `invalid_input` unless `n` is a whole number ≥ 0.
 *
 * @example
 * ```ts
 * import { checkPurchaseCount } from './modelSupport.ts';
 * checkPurchaseCount(3);
 * //=> undefined
 * ```
 */
export function checkPurchaseCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new MemberkitError('invalid_input', `n must be a whole number ≥ 0, got ${n}`, { field: 'n' });
}

/**
 * Throws `invalid_input` naming the field unless the row is a valid
 * recency–frequency history (0 ≤ recency ≤ T, whole frequency ≥ 0).
 *
 * @example
 * ```ts
 * import { checkRow } from './modelSupport.ts';
 * checkRow({ frequency: 2, recency: 30.43, T: 38.86 });
 * //=> undefined
 * ```
 */
export function checkRow(row: CustomerRow): void {
  if (!Number.isInteger(row.frequency) || row.frequency < 0) {
    throw new MemberkitError('invalid_input', `frequency must be a whole number ≥ 0, got ${row.frequency}`, { field: 'row.frequency' });
  }
  if (!Number.isFinite(row.recency) || row.recency < 0) {
    throw new MemberkitError('invalid_input', `recency must be a finite number ≥ 0, got ${row.recency}`, { field: 'row.recency' });
  }
  if (!Number.isFinite(row.T) || row.T < row.recency) {
    throw new MemberkitError('invalid_input', `T must be ≥ recency (${row.recency}), got ${row.T}`, { field: 'row.T' });
  }
}

/**
 * True when a shape parameter is so close to 1 that a formula with a
 * 1/(a − 1) factor must be evaluated around it instead.
 *
 * @example
 * ```ts
 * import { nearOne } from './modelSupport.ts';
 * nearOne(1 + 1e-9);
 * //=> true
 * ```
 */
export function nearOne(a: number): boolean {
  return Math.abs(a - 1) < 1e-7;
}

/**
 * What a model built from given parameters (not fitted) reports: no
 * likelihood (0) and unknown (infinite) standard errors.
 *
 * @example
 * ```ts
 * import { givenParams } from './modelSupport.ts';
 * givenParams(['p', 'q']).standardErrors;
 * //=> { p: Infinity, q: Infinity }
 * ```
 */
export function givenParams<K extends string>(names: readonly K[]): { logLikelihood: number; standardErrors: Record<K, number> } {
  return { logLikelihood: 0, standardErrors: paramsFrom(names, names.map(() => Number.POSITIVE_INFINITY)) };
}

/**
 * Evaluates f at a, or — when a formula's 1/(a − 1) factor makes a ≈ 1
 * singular in form although the quantity itself is smooth — as the mean of
 * f just below and just above 1.
 *
 * @example
 * ```ts
 * import { aroundOne } from './modelSupport.ts';
 * // (a² − 1)/(a − 1) → 2 as a → 1
 * Math.round(aroundOne(1, (a) => (a * a - 1) / (a - 1)) * 1e6) / 1e6;
 * //=> 2
 * ```
 */
export function aroundOne(a: number, f: (a: number) => number): number {
  return nearOne(a) ? 0.5 * (f(1 - 1e-6) + f(1 + 1e-6)) : f(a);
}

/**
 * How a model was obtained: the maximised log-likelihood, standard errors
 * and diagnostics of a fit, or {@link givenParams} for one built from known
 * parameters.
 *
 * @example
 * ```ts
 * import type { FitSummary } from './modelSupport.ts';
 * const s: FitSummary<{ p: number }> = { logLikelihood: -10, standardErrors: { p: 0.1 } };
 * ```
 */
export interface FitSummary<P> {
  readonly logLikelihood: number;
  readonly standardErrors: P;
  readonly diagnostics?: FitDiagnostics;
}

/**
 * The named parameters and {@link FitSummary} of a maximum-likelihood result.
 *
 * @example
 * ```ts
 * import { fitSummary } from './modelSupport.ts';
 * const fit = { theta: Float64Array.of(2), logLikelihood: -3, standardErrors: Float64Array.of(0.5), iterations: 4, evaluations: 5 };
 * fitSummary(['p'], fit, 1, 10)[0];
 * //=> { p: 2 }
 * ```
 */
export function fitSummary<K extends string>(
  names: readonly K[],
  fit: MaximumLikelihoodResult,
  patterns: number,
  customers: number,
): [Record<K, number>, FitSummary<Record<K, number>>] {
  return [
    paramsFrom(names, fit.theta),
    {
      logLikelihood: fit.logLikelihood,
      standardErrors: paramsFrom(names, fit.standardErrors),
      diagnostics: { iterations: fit.iterations, evaluations: fit.evaluations, patterns, customers },
    },
  ];
}

/**
 * The fields every fitted model exposes, frozen so callers cannot change a
 * model under its predictions.
 *
 * @example
 * ```ts
 * import { modelBasics } from './modelSupport.ts';
 * Object.isFrozen(modelBasics({ p: 1 }, { logLikelihood: 0, standardErrors: { p: 0 } }).params);
 * //=> true
 * ```
 */
export function modelBasics<P extends object>(params: P, fit: FitSummary<P>): { params: Readonly<P>; logLikelihood: number; standardErrors: Readonly<P>; diagnostics?: FitDiagnostics } {
  return {
    params: Object.freeze({ ...params }),
    logLikelihood: fit.logLikelihood,
    standardErrors: Object.freeze({ ...fit.standardErrors }),
    ...(fit.diagnostics ? { diagnostics: fit.diagnostics } : {}),
  };
}
