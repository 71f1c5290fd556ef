/**
 * Writes ∇f(x) into `gradient`.
 *
 * @example
 * ```ts
 * import type { GradientFunction } from '@memberkit/core';
 * const grad: GradientFunction = (x, g) => { g[0] = 2 * x[0]!; };
 * ```
 */
export type GradientFunction = (x: Float64Array, gradient: Float64Array) => void;

/**
 * The Hessian of a function at `x` by central differences of its gradient,
 * symmetrised, as a row-major n × n array. Steps are relative to each
 * coordinate so parameters on different scales get comparable accuracy.
 * Given the gradient at `x` already, forward differences halve the cost.
 *
 * @example
 * ```ts
 * import { hessian } from '@memberkit/core';
 * // f(x, y) = x²y + y³ has Hessian [[2y, 2x], [2x, 6y]]
 * const H = hessian((v, g) => { g[0] = 2 * v[0] * v[1]; g[1] = v[0] ** 2 + 3 * v[1] ** 2; }, Float64Array.of(1, 2));
 * Array.from(H, (h) => Math.round(h * 1e6) / 1e6);
 * //=> [4, 2, 2, 12]
 * ```
 */
export function hessian(gradient: GradientFunction, x: ArrayLike<number>, gradientAtX?: ArrayLike<number>): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const point = Float64Array.from(x);
  const gPlus = new Float64Array(n);
  const gMinus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = point[j] as number;
    if (gradientAtX) {
      // Forward differences from a known gradient: half the evaluations; √eps-sized steps keep
      // truncation and rounding both near 1e-8 relative.
      const h = 1e-7 * (xj === 0 ? 1 : Math.abs(xj));
      point[j] = xj + h;
      gradient(point, gPlus);
      point[j] = xj;
      for (let i = 0; i < n; i++) H[i * n + j] = ((gPlus[i] as number) - (gradientAtX[i] as number)) / h;
      continue;
    }
    // cbrt(eps) balances truncation and rounding error for central differences; relative to
    // the coordinate so a small positive parameter is never stepped below zero.
    const h = 6e-6 * (xj === 0 ? 1e-3 : Math.abs(xj));
    point[j] = xj + h;
    gradient(point, gPlus);
    point[j] = xj - h;
    gradient(point, gMinus);
    point[j] = xj;
    for (let i = 0; i < n; i++) H[i * n + j] = ((gPlus[i] as number) - (gMinus[i] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * ((H[i * n + j] as number) + (H[j * n + i] as number));
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/**
 * The gradient of f at `x` by central differences, for likelihoods whose
 * analytic gradient is not worth deriving.
 *
 * @example
 * ```ts
 * import { numericGradient } from '@memberkit/core';
 * const g = new Float64Array(2);
 * numericGradient((v) => v[0] ** 2 + 3 * v[1], Float64Array.of(2, 5), g);
 * Array.from(g, (v) => Math.round(v * 1e6) / 1e6);
 * //=> [4, 3]
 * ```
 */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array, gradient: Float64Array): void {
  for (let j = 0; j < x.length; j++) {
    const xj = x[j] as number;
    const h = 6e-6 * Math.max(Math.abs(xj), 1e-2);
    x[j] = xj + h;
    const up = f(x);
    x[j] = xj - h;
    const down = f(x);
    x[j] = xj;
    gradient[j] = (up - down) / (2 * h);
  }
}
