import { describe, expect, it } from 'vitest';
import { hessian, numericGradient } from './hessian.ts';
import { invertSymmetric } from './invertSymmetric.ts';
import { minimizeBfgs } from './minimizeBfgs.ts';
import { sampleGamma } from './sampleGamma.ts';
import { seededRandom } from '../ports/random.ts';

describe('minimizeBfgs', () => {
  it('finds the Rosenbrock minimum (1, 1) from the classic start', () => {
    const result = minimizeBfgs((x, g) => {
      const a = x[0] as number;
      const b = x[1] as number;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    }, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });
  it('is deterministic and backs off from undefined regions', () => {
    const f = (x: Float64Array, g: Float64Array): number => {
      const v = x[0] as number;
      if (v <= 0) return Number.POSITIVE_INFINITY;
      g[0] = 1 - 2 / v;
      return v - 2 * Math.log(v);
    };
    const a = minimizeBfgs(f, [0.1]);
    const b = minimizeBfgs(f, [0.1]);
    expect(a.x[0]).toBeCloseTo(2, 7);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });
  it('reports non-convergence rather than a wrong answer', () => {
    const r = minimizeBfgs((x, g) => {
      g[0] = -1;
      return -(x[0] as number);
    }, [0]);
    expect(r.converged).toBe(false);
  });
});

describe('hessian, numericGradient, invertSymmetric', () => {
  it('recovers the Hessian of a quadratic and its inverse', () => {
    // f = ½ xᵀAx with A = [[4, 1], [1, 3]]
    const H = hessian((x, g) => {
      g[0] = 4 * (x[0] as number) + (x[1] as number);
      g[1] = (x[0] as number) + 3 * (x[1] as number);
    }, [0.3, -2]);
    expect(Array.from(H).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([4, 1, 1, 3]);
    const inv = invertSymmetric(H, 2)!;
    expect(inv[0]).toBeCloseTo(3 / 11, 6);
    expect(inv[1]).toBeCloseTo(-1 / 11, 6);
    expect(invertSymmetric([1, 2, 2, 1], 2)).toBeUndefined();
    const g = new Float64Array(1);
    numericGradient((x) => Math.exp(x[0] as number), Float64Array.of(1), g);
    expect(g[0]).toBeCloseTo(Math.E, 8);
  });
});

describe('sampleGamma', () => {
  it('has the gamma mean and variance for shapes below and above 1', () => {
    for (const [shape, rate] of [
      [0.3, 2],
      [4.5, 0.5],
    ] as const) {
      const rng = seededRandom(7);
      const n = 50_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = sampleGamma(rng, shape, rate);
        s += v;
        s2 += v * v;
      }
      const mean = s / n;
      const variance = s2 / n - mean * mean;
      // 4 standard errors of the sample mean / variance at n = 50,000.
      expect(Math.abs(mean - shape / rate)).toBeLessThan((4 * Math.sqrt(shape)) / rate / Math.sqrt(n));
      expect(Math.abs(variance / (shape / rate ** 2) - 1)).toBeLessThan(0.08);
    }
  });
});
