import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgNbdLikelihood, levelWeights } from './bgNbdLikelihood.ts';
import { compressPatterns, type CustomerPatterns } from './customerPatterns.ts';
import { paretoNbdLikelihood } from './paretoNbdLikelihood.ts';
import { simulateBgNbd } from './simulateBgNbd.ts';
import { seededRandom } from '../ports/random.ts';

// The analytic gradients must agree with central differences of the
// likelihoods they belong to, anywhere in parameter space: to 1e-5 relative
// plus the differences' own rounding error, ~1e-12·|LL|/h for a sum over patterns.
const patterns = compressPatterns(simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, { customers: 300, T: (i) => 10 + (i % 30), random: seededRandom(3) }));
const theta = fc.tuple(
  fc.double({ min: 0.05, max: 3, noNaN: true }),
  fc.double({ min: 0.05, max: 80, noNaN: true }),
  fc.double({ min: 0.05, max: 5, noNaN: true }),
  fc.double({ min: 0.05, max: 80, noNaN: true }),
);

function agrees(f: (p: CustomerPatterns, t: Float64Array, g?: Float64Array) => number, t: number[]): boolean {
  const g = new Float64Array(4);
  const value = f(patterns, Float64Array.from(t), g);
  return t.every((v, i) => {
    const h = 1e-4 * v;
    const up = Float64Array.from(t);
    const down = Float64Array.from(t);
    up[i] = v + h;
    down[i] = v - h;
    const numeric = (f(patterns, up) - f(patterns, down)) / (2 * h);
    return Math.abs((g[i] as number) - numeric) <= 1e-5 * Math.max(1, Math.abs(numeric)) + (1e-12 * Math.abs(value)) / h;
  });
}

describe('analytic likelihood gradients', () => {
  const { levelWeight } = levelWeights(patterns);
  it('BG/NBD', () => {
    fc.assert(fc.property(theta, (t) => agrees((p, th, g) => bgNbdLikelihood(p, levelWeight, 0, th, g), t)), { numRuns: 60 });
  });
  it('MBG/NBD', () => {
    fc.assert(fc.property(theta, (t) => agrees((p, th, g) => bgNbdLikelihood(p, levelWeight, 1, th, g), t)), { numRuns: 60 });
  });
  it('Pareto/NBD, both branches of A₀ (α ≥ β and α < β)', () => {
    fc.assert(fc.property(theta, (t) => agrees(paretoNbdLikelihood, t)), { numRuns: 60 });
    expect(agrees(paretoNbdLikelihood, [0.55, 10.6, 0.6, 11.7])).toBe(true);
    expect(agrees(paretoNbdLikelihood, [0.55, 11.7, 0.6, 10.6])).toBe(true);
  });
});
