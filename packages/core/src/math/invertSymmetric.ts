/**
 * Inverts a symmetric positive-definite matrix (row-major n × n) by Cholesky
 * factorisation, or returns `undefined` when it is not positive definite —
 * for a likelihood's Hessian that means the parameters are not identified.
 *
 * @example
 * ```ts
 * import { invertSymmetric } from '@memberkit/core';
 * Array.from(invertSymmetric(Float64Array.of(4, 2, 2, 3), 2) ?? [], (v) => Math.round(v * 1e12) / 1e12);
 * //=> [0.375, -0.25, -0.25, 0.5]
 * ```
 */
export function invertSymmetric(matrix: ArrayLike<number>, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        L[i * n + i] = Math.sqrt(sum);
      } else {
        L[i * n + j] = sum / (L[j * n + j] as number);
      }
    }
  }
  // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const Li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    Li[i * n + i] = 1 / (L[i * n + i] as number);
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= (L[i * n + k] as number) * (Li[k * n + j] as number);
      Li[i * n + j] = sum / (L[i * n + i] as number);
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += (Li[k * n + i] as number) * (Li[k * n + j] as number);
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}
