import { hyp2f1 } from './hyp2f1.ts';

/**
 * ₂F₁(1, b; c; z) and its partial derivatives in b, c and z, written into
 * `out` as [F, ∂F/∂b, ∂F/∂c, ∂F/∂z] — what the Pareto/NBD likelihood's
 * analytic gradient needs. For 0 ≤ z ≤ 0.9 the positive series and its
 * termwise derivatives are summed together; above, where that series is slow,
 * the derivatives come from five-point differences of {@link hyp2f1}.
 *
 * @example
 * ```ts
 * import { hyp2f1WithDerivatives } from '@memberkit/core';
 * // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
 * const out = new Float64Array(4);
 * hyp2f1WithDerivatives(1, 2, 0.5, out);
 * Math.round(out[0] * 1e12) / 1e12;
 * //=> 1.386294361120
 * ```
 */
export function hyp2f1WithDerivatives(b: number, c: number, z: number, out: Float64Array): void {
  if (z === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 0;
    out[3] = b / c;
    return;
  }
  if (z > 0.9 || z < 0) {
    // Five-point differences: truncation O(h⁴) stays below the ~1e-13 accuracy of ₂F₁ here.
    const f = (bb: number, cc: number, zz: number): number => hyp2f1(1, bb, cc, zz);
    const stencil = (g: (h: number) => number, h: number): number => (8 * (g(h) - g(-h)) - (g(2 * h) - g(-2 * h))) / (12 * h);
    out[0] = f(b, c, z);
    out[1] = stencil((h) => f(b + h, c, z), 1e-3 * Math.max(1, Math.abs(b)));
    out[2] = stencil((h) => f(b, c + h, z), 1e-3 * Math.max(1, Math.abs(c)));
    out[3] = stencil((h) => f(b, c, z + h), 1e-3 * Math.min(Math.abs(z), 1 - z));
    return;
  }
  // t₀ = 1, tₙ₊₁ = tₙ (b + n)/(c + n) z; ∂tₙ/∂b = tₙ Σₖ<ₙ 1/(b + k), ∂tₙ/∂c = −tₙ Σₖ<ₙ 1/(c + k), ∂tₙ/∂z = n tₙ / z.
  let t = 1;
  let sum = 1;
  let sb = 0;
  let sc = 0;
  let db = 0;
  let dc = 0;
  let dz = 0;
  for (let n = 0; n < 100_000; n++) {
    sb += 1 / (b + n);
    sc += 1 / (c + n);
    t *= ((b + n) / (c + n)) * z;
    sum += t;
    db += t * sb;
    dc -= t * sc;
    dz += (n + 1) * t;
    if (t * (n + 2) * (1 + sb + sc) < 1e-17 * sum) break;
  }
  out[0] = sum;
  out[1] = db;
  out[2] = dc;
  out[3] = dz / z;
}
