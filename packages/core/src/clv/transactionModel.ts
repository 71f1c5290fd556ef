/**
 * One customer's purchase history in the recency–frequency form every BTYD
 * model takes: `frequency` = repeat purchases x, `recency` = time of the last
 * purchase t_x, `T` = time since the first purchase, all in one time unit.
 * `weight` counts identical customers (default 1).
 *
 * @example
 * ```ts
 * import type { CustomerRow } from '@memberkit/core';
 * const row: CustomerRow = { frequency: 2, recency: 30.43, T: 38.86 };
 * ```
 */
export interface CustomerRow {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly weight?: number;
}

/**
 * Options shared by the maximum-likelihood fits.
 *
 * @example
 * ```ts
 * import type { FitOptions } from '@memberkit/core';
 * const options: FitOptions<{ r: number }> = { penalizer: 0.01, tolerance: 1e-8 };
 * ```
 */
export interface FitOptions<P> {
  /** L2 penalty on the parameters, like lifetimes' `penalizer_coef`: adds penalizer · Σθ² to the mean negative log-likelihood. Default 0. */
  readonly penalizer?: number;
  /** Starting values (natural scale). Defaults are model-specific and deterministic. */
  readonly initialParams?: Partial<P>;
  /** Gradient tolerance on the mean negative log-likelihood over log-parameters. Default 1e-7 (scipy's BFGS `gtol` as lifetimes sets it). */
  readonly tolerance?: number;
  /** Default 500. */
  readonly maxIterations?: number;
}

/**
 * How a fit went: optimizer iterations and likelihood evaluations, and how
 * many distinct customer patterns the data compressed to.
 *
 * @example
 * ```ts
 * import type { FitDiagnostics } from '@memberkit/core';
 * const d: FitDiagnostics = { iterations: 21, evaluations: 25, patterns: 1216, customers: 2357 };
 * ```
 */
export interface FitDiagnostics {
  readonly iterations: number;
  readonly evaluations: number;
  readonly patterns: number;
  readonly customers: number;
}

/**
 * A fitted buy-till-you-die model of purchase counts: its parameters, fit
 * statistics and predictions. Times are in the unit the rows were in.
 *
 * @example
 * ```ts
 * import { bgNbdModel, type TransactionModel } from '@memberkit/core';
 * const model: TransactionModel<{ r: number; alpha: number; a: number; b: number }> =
 *   bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * model.probabilityAlive({ frequency: 0, recency: 0, T: 30 });
 * //=> 1
 * ```
 */
export interface TransactionModel<P, R = CustomerRow> {
  readonly kind: 'bg_nbd' | 'pareto_nbd' | 'modified_bg_nbd' | 'bg_bb';
  readonly params: Readonly<P>;
  /** Maximised log-likelihood (without the penalty); `NaN`-free, 0 for a model built from given parameters. */
  readonly logLikelihood: number;
  /** Asymptotic standard errors from the inverse observed information; `Infinity` for a model built from given parameters. */
  readonly standardErrors: Readonly<P>;
  readonly diagnostics?: FitDiagnostics;
  /** Expected repeat purchases of a newly acquired customer in (0, t]. */
  expectedPurchases(t: number): number;
  /** Expected purchases in (T, T + t] of a customer with this history. */
  conditionalExpectedPurchases(t: number, row: R): number;
  /** Probability that a customer with this history is still active at T. */
  probabilityAlive(row: R): number;
  /** Probability that a new customer makes exactly n repeat purchases in (0, t]. */
  probabilityOfPurchases(n: number, t: number): number;
}
