const cache = new Map<number, { nodes: Float64Array; weights: Float64Array }>();

/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton
 * iteration on Pₙ from the Chebyshev guess), cached per n. Exact for
 * polynomials of degree 2n − 1.
 *
 * @example
 * ```ts
 * import { gaussLegendre } from '@memberkit/core';
 * const { nodes, weights } = gaussLegendre(3);
 * Math.round(nodes[2] * 1e12) / 1e12; // √(3/5)
 * //=> 0.774596669241
 * ```
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    const w = 2 / ((1 - x * x) * dp * dp);
    nodes[n - 1 - i] = x;
    nodes[i] = -x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/**
 * ∫ₐᵇ f by composite Gauss–Legendre quadrature (`panels` equal panels of
 * `points` nodes each), for smooth integrands without a closed form worth
 * the cancellation it would cost.
 *
 * @example
 * ```ts
 * import { integrate } from '@memberkit/core';
 * Math.round(integrate(Math.exp, 0, 1) * 1e12) / 1e12; // e − 1
 * //=> 1.718281828459
 * ```
 */
export function integrate(f: (x: number) => number, a: number, b: number, panels = 8, points = 16): number {
  const { nodes, weights } = gaussLegendre(points);
  const width = (b - a) / panels;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * width;
    for (let i = 0; i < points; i++) sum += (weights[i] as number) * f(mid + 0.5 * width * (nodes[i] as number));
  }
  return 0.5 * width * sum;
}
