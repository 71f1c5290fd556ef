import { MemberkitError } from '../../errors/memberkitError.ts';

/**
 * A fitted L2-penalised logistic regression on standardised features:
 * `P(y = 1 | x) = σ(intercept + Σ coefficients[j] · (x[j] − means[j]) / scales[j])`.
 *
 * @example
 * ```ts
 * import { fitLogisticRegression } from '@memberkit/core';
 * const m = fitLogisticRegression(Float64Array.of(0, 1, 2, 3), Uint8Array.of(0, 0, 1, 1), 1, { l2: 1 });
 * m.predict([3]) > 0.5;
 * //=> true
 * ```
 */
export interface LogisticModel {
  readonly intercept: number;
  readonly coefficients: Float64Array;
  readonly means: Float64Array;
  readonly scales: Float64Array;
  readonly iterations: number;
  /** Penalised log-likelihood at the optimum. */
  readonly logLikelihood: number;
  predict(x: ArrayLike<number>): number;
}

/**
 * Options of {@link fitLogisticRegression}.
 *
 * @example
 * ```ts
 * import type { LogisticOptions } from '@memberkit/core';
 * const o: LogisticOptions = { l2: 1, maxIterations: 50 };
 * ```
 */
export interface LogisticOptions {
  /** Ridge penalty λ on the standardised coefficients (not the intercept), default 1. */
  readonly l2?: number;
  readonly maxIterations?: number;
  /** Stop when no coefficient moves more than this, default 1e-10. */
  readonly tolerance?: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Solves A x = b in place for symmetric positive-definite A (k × k, row-major) by Cholesky; false if not positive definite. */
function choleskySolve(a: Float64Array, b: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!;
    for (let m = 0; m < j; m++) d -= a[j * k + m]! ** 2;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    a[j * k + j] = l;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j]!;
      for (let m = 0; m < j; m++) s -= a[i * k + m]! * a[j * k + m]!;
      a[i * k + j] = s / l;
    }
  }
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= a[i * k + m]! * b[m]!;
    b[i] = s / a[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let m = i + 1; m < k; m++) s -= a[m * k + i]! * b[m]!;
    b[i] = s / a[i * k + i]!;
  }
  return true;
}

/**
 * Fits `P(y = 1 | x)` by Newton's method (iteratively reweighted least
 * squares) with an L2 penalty, on features standardised to mean 0 and unit
 * variance so that one λ treats every feature alike. Each step is halved
 * until the penalised log-likelihood improves, so the fit is monotone and
 * deterministic. A fit that does not converge (e.g. separable data with
 * `l2: 0`) throws `not_converged` rather than returning huge coefficients.
 *
 * @param x row-major `n × p` features
 * @param y 0/1 labels, length n
 * @example
 * ```ts
 * import { fitLogisticRegression } from '@memberkit/core';
 * const m = fitLogisticRegression(Float64Array.of(0, 0, 1, 1), Uint8Array.of(0, 1, 0, 1), 1);
 * m.predict([0]).toFixed(2);
 * //=> '0.50'
 * ```
 */
export function fitLogisticRegression(x: Float64Array, y: Uint8Array, p: number, options: LogisticOptions = {}): LogisticModel {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const n = y.length;
  if (!(l2 >= 0) || !Number.isInteger(p) || p < 0) throw new MemberkitError('invalid_input', 'l2 must be ≥ 0 and p a non-negative integer', { field: 'l2' });
  if (x.length !== n * p) throw new MemberkitError('invalid_input', `features have ${x.length} values, expected ${n} × ${p}`, { field: 'features' });
  if (n === 0) throw new MemberkitError('insufficient_data', 'no rows to fit', { field: 'features' });
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i]! > 1) throw new MemberkitError('invalid_input', `label ${i} is not 0 or 1`, { field: `labels.${i}` });
    positives += y[i]!;
  }
  // The intercept is not penalised, so one class alone has no finite optimum.
  if (positives === 0 || positives === n) throw new MemberkitError('insufficient_data', 'both classes (0 and 1) are needed to fit', { field: 'labels' });

  const means = new Float64Array(p);
  const scales = new Float64Array(p).fill(1);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j]! += x[i * p + j]! / n;
  for (let j = 0; j < p; j++) {
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * p + j]! - means[j]!) ** 2;
    const sd = Math.sqrt(v / n);
    if (!Number.isFinite(sd)) throw new MemberkitError('invalid_input', `feature ${j} has a non-finite value`, { field: `features.${j}` });
    scales[j] = sd > 0 ? sd : 1; // a constant column stays 0 after centring
  }
  const k = p + 1; // intercept first
  const z = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    z[i * k] = 1;
    for (let j = 0; j < p; j++) z[i * k + 1 + j] = (x[i * p + j]! - means[j]!) / scales[j]!;
  }
  const objective = (beta: Float64Array): number => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < k; j++) eta += z[i * k + j]! * beta[j]!;
      ll += y[i]! * eta - softplus(eta);
    }
    let pen = 0;
    for (let j = 1; j < k; j++) pen += beta[j]! ** 2;
    return ll - 0.5 * l2 * pen;
  };

  let beta = new Float64Array(k);
  beta[0] = Math.log((positives + 0.5) / (n - positives + 0.5));
  let current = objective(beta);
  const h = new Float64Array(k * k);
  const g = new Float64Array(k);
  for (let iter = 1; iter <= maxIterations; iter++) {
    h.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < k; j++) eta += z[i * k + j]! * beta[j]!;
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const r = y[i]! - mu;
      for (let a = 0; a < k; a++) {
        const za = z[i * k + a]!;
        g[a]! += za * r;
        for (let b = 0; b <= a; b++) h[a * k + b]! += w * za * z[i * k + b]!;
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) h[b * k + a] = h[a * k + b]!;
    for (let j = 1; j < k; j++) {
      g[j]! -= l2 * beta[j]!;
      h[j * k + j]! += l2;
    }
    if (!choleskySolve(h, g, k)) throw new MemberkitError('not_converged', 'logistic regression: singular Hessian (add an L2 penalty)', { details: { iteration: iter } });
    let step = 1;
    let next = beta;
    let value = -Infinity;
    for (let halvings = 0; halvings < 30; halvings++, step /= 2) {
      next = beta.map((b, j) => b + step * g[j]!);
      value = objective(next);
      if (value >= current - 1e-12 * Math.abs(current)) break;
    }
    let moved = 0;
    for (let j = 0; j < k; j++) moved = Math.max(moved, Math.abs(next[j]! - beta[j]!));
    beta = next;
    current = value;
    if (moved < tolerance) {
      const coefficients = beta.slice(1);
      const intercept = beta[0]!;
      return {
        intercept,
        coefficients,
        means,
        scales,
        iterations: iter,
        logLikelihood: current,
        predict(row: ArrayLike<number>): number {
          let eta = intercept;
          for (let j = 0; j < p; j++) eta += (coefficients[j]! * (row[j]! - means[j]!)) / scales[j]!;
          return sigmoid(eta);
        },
      };
    }
  }
  throw new MemberkitError('not_converged', `logistic regression did not converge in ${maxIterations} iterations`, { details: { maxIterations } });
}
