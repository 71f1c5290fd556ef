/**
 * An objective for {@link minimizeBfgs}: returns f(x) and writes ∇f(x) into
 * `gradient`. Return `Infinity` where f is undefined so the line search backs off.
 *
 * @example
 * ```ts
 * import type { Objective } from '@memberkit/core';
 * const bowl: Objective = (x, g) => { g[0] = 2 * x[0]!; return x[0]! * x[0]!; };
 * ```
 */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/**
 * Options for {@link minimizeBfgs}.
 *
 * @example
 * ```ts
 * import type { BfgsOptions } from '@memberkit/core';
 * const options: BfgsOptions = { maxIterations: 200 };
 * ```
 */
export interface BfgsOptions {
  /** Stop when the largest gradient component is below this (scipy's `gtol`). Default 1e-7. */
  readonly gradientTolerance?: number;
  /** Default 500. */
  readonly maxIterations?: number;
}

/**
 * The outcome of {@link minimizeBfgs}.
 *
 * @example
 * ```ts
 * import type { BfgsResult } from '@memberkit/core';
 * declare const result: BfgsResult;
 * ```
 */
export interface BfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: 'gradient' | 'no_progress' | 'max_iterations' | 'line_search';
}

const C1 = 1e-4;
const C2 = 0.9;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

/**
 * Minimises a smooth function with BFGS (Nocedal & Wright, Algorithm 6.1) and
 * a strong-Wolfe line search (Algorithms 3.5 and 3.6). Deterministic: the same
 * objective and start give the same iterates on every platform.
 *
 * @example
 * ```ts
 * import { minimizeBfgs } from '@memberkit/core';
 * const r = minimizeBfgs((x, g) => {
 *   g[0] = 2 * (x[0] - 3); g[1] = 4 * (x[1] + 1);
 *   return (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2;
 * }, Float64Array.of(0, 0));
 * [Math.round(r.x[0] * 1e6) / 1e6, Math.round(r.x[1] * 1e6) / 1e6];
 * //=> [3, -1]
 * ```
 */
export function minimizeBfgs(objective: Objective, start: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const n = start.length;
  const gtol = options.gradientTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 500;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let evaluations = 1;
  let f = objective(x, g);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const p = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let stalled = 0;

  const evalAt = (alpha: number): number => {
    for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + alpha * (p[i] as number);
    evaluations++;
    const v = objective(xNew, gNew);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };

  for (let iter = 0; iter < maxIterations; iter++) {
    if (maxAbs(g) < gtol) return { x, value: f, gradient: g, iterations: iter, evaluations, converged: true, reason: 'gradient' };
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (H[i * n + j] as number) * (g[j] as number);
      p[i] = v;
    }
    let slope = dot(p, g);
    if (!(slope < 0)) {
      // Lost positive definiteness: restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        p[i] = -(g[i] as number);
      }
      slope = dot(p, g);
    }
    const step = lineSearch(evalAt, f, slope, () => dot(gNew, p));
    if (step === undefined) {
      const converged = maxAbs(g) < gtol * 100;
      return { x, value: f, gradient: g, iterations: iter, evaluations, converged, reason: 'line_search' };
    }
    const fNew = step.value;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const change = Math.abs(f - fNew);
    x = Float64Array.from(xNew);
    g = Float64Array.from(gNew);
    f = fNew;
    stalled = change <= 1e-15 * Math.max(1, Math.abs(f)) ? stalled + 1 : 0;
    if (stalled >= 3) return { x, value: f, gradient: g, iterations: iter + 1, evaluations, converged: maxAbs(g) < gtol * 100, reason: 'no_progress' };
    const sy = dot(s, y);
    if (sy <= 1e-300) continue;
    if (iter === 0) {
      // Scale the first inverse-Hessian guess to the curvature just seen.
      const scale = sy / dot(y, y);
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = scale;
    }
    const rho = 1 / sy;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
      Hy[i] = v;
    }
    const yHy = dot(y, Hy);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const si = s[i] as number;
        const sj = s[j] as number;
        H[i * n + j] = (H[i * n + j] as number) - rho * ((Hy[i] as number) * sj + si * (Hy[j] as number)) + (rho * rho * yHy + rho) * si * sj;
      }
    }
  }
  return { x, value: f, gradient: g, iterations: maxIterations, evaluations, converged: maxAbs(g) < gtol, reason: 'max_iterations' };
}

/** Strong-Wolfe line search; leaves the accepted point in the caller's xNew/gNew. */
function lineSearch(
  evalAt: (alpha: number) => number,
  f0: number,
  slope0: number,
  slopeAtLast: () => number,
): { value: number } | undefined {
  let alphaPrev = 0;
  let fPrev = f0;
  let slopePrev = slope0;
  let alpha = 1;
  for (let i = 0; i < 40; i++) {
    const fa = evalAt(alpha);
    if (!Number.isFinite(fa)) {
      alpha = alphaPrev + (alpha - alphaPrev) * 0.1;
      continue;
    }
    if (fa > f0 + C1 * alpha * slope0 || (i > 0 && fa >= fPrev)) return zoom(evalAt, slopeAtLast, f0, slope0, alphaPrev, fPrev, slopePrev, alpha, fa);
    const sa = slopeAtLast();
    if (Math.abs(sa) <= -C2 * slope0) return { value: fa };
    if (sa >= 0) return zoom(evalAt, slopeAtLast, f0, slope0, alpha, fa, sa, alphaPrev, fPrev);
    alphaPrev = alpha;
    fPrev = fa;
    slopePrev = sa;
    alpha *= 2;
  }
  return undefined;
}

function zoom(
  evalAt: (alpha: number) => number,
  slopeAtLast: () => number,
  f0: number,
  slope0: number,
  aLo: number,
  fLo: number,
  sLo: number,
  aHi: number,
  fHi: number,
): { value: number } | undefined {
  for (let i = 0; i < 60; i++) {
    // Safeguarded quadratic interpolation from the low end's value and slope.
    const d = aHi - aLo;
    let a = aLo - (sLo * d * d) / (2 * (fHi - fLo - sLo * d));
    const lo = Math.min(aLo, aHi);
    const hi = Math.max(aLo, aHi);
    if (!Number.isFinite(a) || a < lo + 0.1 * (hi - lo) || a > hi - 0.1 * (hi - lo)) a = 0.5 * (aLo + aHi);
    const fa = evalAt(a);
    if (!Number.isFinite(fa) || fa > f0 + C1 * a * slope0 || fa >= fLo) {
      aHi = a;
      fHi = Number.isFinite(fa) ? fa : Number.MAX_VALUE;
    } else {
      const sa = slopeAtLast();
      if (Math.abs(sa) <= -C2 * slope0) return { value: fa };
      if (sa * (aHi - aLo) >= 0) {
        aHi = aLo;
        fHi = fLo;
      }
      aLo = a;
      fLo = fa;
      sLo = sa;
    }
    if (Math.abs(aHi - aLo) < 1e-16) break;
  }
  // Accept the best sufficient-decrease point found, if any.
  if (aLo > 0 && fLo < f0) {
    evalAt(aLo);
    return { value: fLo };
  }
  return undefined;
}
