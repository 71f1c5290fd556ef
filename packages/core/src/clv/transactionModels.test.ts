import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgBbModel, fitBgBb } from './bgBb.ts';
import { fitGammaGamma, gammaGammaModel } from './gammaGamma.ts';
import { fitModifiedBgNbd, modifiedBgNbdModel } from './modifiedBgNbd.ts';
import { fitParetoNbd, paretoNbdModel } from './paretoNbd.ts';
import { fitShiftedBetaGeometric } from './shiftedBetaGeometric.ts';
import { simulateBgNbd } from './simulateBgNbd.ts';
import { integrate } from '../math/gaussLegendre.ts';
import { seededRandom } from '../ports/random.ts';
import { MemberkitError } from '../errors/memberkitError.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const history = fc
  .record({ x: fc.integer({ min: 0, max: 60 }), tx: positive(0.1, 80), gap: positive(0, 80) })
  .map(({ x, tx, gap }) => ({ frequency: x, recency: x === 0 ? 0 : tx, T: (x === 0 ? 0 : tx) + gap + 0.01 }));
const pareto = fc.record({ r: positive(0.05, 2), alpha: positive(1, 50), s: positive(0.1, 3), beta: positive(1, 50) });
const bg = fc.record({ r: positive(0.05, 2), alpha: positive(1, 50), a: positive(0.1, 5), b: positive(0.1, 10) });

describe('Pareto/NBD properties', () => {
  it('P(alive) is a probability, expectations are non-negative and grow with t', () => {
    fc.assert(
      fc.property(pareto, history, positive(0.1, 100), (p, row, t) => {
        const m = paretoNbdModel(p);
        const alive = m.probabilityAlive(row);
        const e = m.conditionalExpectedPurchases(t, row);
        return alive >= 0 && alive <= 1 && e >= 0 && m.conditionalExpectedPurchases(2 * t, row) >= e && m.expectedPurchases(2 * t) >= m.expectedPurchases(t);
      }),
      { numRuns: 200 },
    );
  });
  it('P(alive) from the hypergeometric A₀ equals the one from integrating the dropout density', () => {
    fc.assert(
      fc.property(pareto, history, (p, row) => {
        const { r, alpha, s, beta } = p;
        const x = row.frequency;
        // Alive part vs died in (t_x, T]: s ∫ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, in units of α^r β^s Γ(r+x)/Γ(r).
        const alivePart = Math.pow(alpha + row.T, -(r + x)) * Math.pow(beta + row.T, -s);
        const died = integrate((tau) => s * Math.pow(alpha + tau, -(r + x)) * Math.pow(beta + tau, -(s + 1)), row.recency, row.T, 32, 20);
        const expected = alivePart / (alivePart + died);
        return Math.abs(paretoNbdModel(p).probabilityAlive(row) - expected) < 1e-8;
      }),
      { numRuns: 150 },
    );
  });
  it('P(X(t) = n) sums to 1 with mean E[X(t)]', () => {
    fc.assert(
      fc.property(pareto, positive(0.5, 5), (p, t) => {
        // α ≥ 2 and t ≤ 5 keep P(N > 120) below 1e-15 so the truncated sum is complete.
        const m = paretoNbdModel({ ...p, alpha: p.alpha + 1 });
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 120; n++) {
          const q = m.probabilityOfPurchases(n, t);
          total += q;
          mean += n * q;
        }
        return Math.abs(total - 1) < 1e-6 && Math.abs(mean - m.expectedPurchases(t)) < 1e-4 * Math.max(1, mean);
      }),
      { numRuns: 30 },
    );
  });
  it('says not_converged when s and β run off to infinity, and a small penalizer fixes it', () => {
    // BG/NBD-simulated data has no dropout heterogeneity for Pareto/NBD to find: s, β → ∞ with s/β fixed.
    const rows = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, { customers: 800, T: 39, random: seededRandom(21) });
    expect(() => fitParetoNbd(rows)).toThrow(expect.objectContaining({ code: 'not_converged' }));
    const fit = fitParetoNbd(rows, { penalizer: 0.001 });
    expect(Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(fit.logLikelihood).toBeLessThan(0);
  });
});

describe('MBG/NBD properties', () => {
  it('P(alive) < 1 even without repeat purchases, expectations grow with t', () => {
    fc.assert(
      fc.property(bg, history, positive(0.1, 100), (p, row, t) => {
        const m = modifiedBgNbdModel(p);
        const alive = m.probabilityAlive(row);
        const e = m.conditionalExpectedPurchases(t, row);
        return alive >= 0 && alive < 1 && e >= 0 && m.conditionalExpectedPurchases(2 * t, row) >= e - 1e-12;
      }),
      { numRuns: 200 },
    );
  });
  it('agrees with a Monte Carlo simulation of the process (4 standard errors)', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.9, b: 1.6 };
    const n = 40_000;
    const sim = simulateBgNbd(truth, { customers: n, T: 20, random: seededRandom(9), modified: true });
    const m = modifiedBgNbdModel(truth);
    const mean = sim.reduce((s, r) => s + r.frequency, 0) / n;
    const sd = Math.sqrt(sim.reduce((s, r) => s + (r.frequency - mean) ** 2, 0) / n);
    expect(Math.abs(mean - m.expectedPurchases(20))).toBeLessThan((4 * sd) / Math.sqrt(n));
    const zero = sim.filter((r) => r.frequency === 0).length / n;
    const p0 = m.probabilityOfPurchases(0, 20);
    expect(Math.abs(zero - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / n));
    // And the fit recovers the truth within 3 standard errors.
    const fit = fitModifiedBgNbd(sim.slice(0, 8000));
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * fit.standardErrors[k]);
  });
});

describe('BG/BB properties', () => {
  const params = fc.record({ alpha: positive(0.2, 5), beta: positive(0.2, 5), gamma: positive(0.2, 5), delta: positive(0.2, 5) });
  const row = fc
    .record({ n: fc.integer({ min: 1, max: 20 }), a: fc.nat(), b: fc.nat() })
    .map(({ n, a, b }) => {
      const tx = a % (n + 1);
      const x = tx === 0 ? 0 : 1 + (b % tx);
      return { frequency: x, recency: tx, n };
    });
  it('P(alive) is a probability; P(X(n) = x) sums to 1 with mean E[X(n)]; expectations grow', () => {
    fc.assert(
      fc.property(params, row, fc.integer({ min: 1, max: 12 }), (p, r, t) => {
        const m = bgBbModel(p);
        const alive = m.probabilityAlive(r);
        let total = 0;
        let mean = 0;
        for (let x = 0; x <= t; x++) {
          const q = m.probabilityOfPurchases(x, t);
          total += q;
          mean += x * q;
        }
        return (
          alive >= 0 &&
          alive <= 1 &&
          Math.abs(total - 1) < 1e-9 &&
          Math.abs(mean - m.expectedPurchases(t)) < 1e-8 &&
          m.conditionalExpectedPurchases(t + 1, r) >= m.conditionalExpectedPurchases(t, r)
        );
      }),
      { numRuns: 200 },
    );
  });
  it('refuses rows that are not whole periods', () => {
    expect(() => fitBgBb([{ frequency: 1, recency: 0.5, n: 6 }])).toThrow(MemberkitError);
    expect(() => bgBbModel({ alpha: 1, beta: 1, gamma: 1, delta: 1 }).expectedPurchases(2.5)).toThrow(MemberkitError);
  });
});

describe('shifted-beta-geometric properties', () => {
  it('survival falls, retention rises, churn probabilities add up', () => {
    const m = fitShiftedBetaGeometric([500, 300, 220, 180, 160]);
    let churned = 0;
    for (let t = 1; t <= 10; t++) {
      expect(m.survival(t)).toBeLessThan(m.survival(t - 1));
      if (t > 1) expect(m.retentionRate(t)).toBeGreaterThan(m.retentionRate(t - 1));
      churned += m.churnProbability(t);
      expect(Math.abs(1 - churned - m.survival(t))).toBeLessThan(1e-12);
    }
  });
  it.each([
    [[100], 'alive'],
    [[100, 120], 'alive[1]'],
    [[0, 0], 'alive[0]'],
    [[100, -1], 'alive[1]'],
  ])('refuses %j naming %s', (alive, field) => {
    expect(() => fitShiftedBetaGeometric(alive)).toThrow(expect.objectContaining({ field }));
  });
});

describe('Gamma-Gamma properties', () => {
  it('shrinks a customer towards the population mean, less so the more purchases they made', () => {
    fc.assert(
      fc.property(positive(0.5, 10), positive(1.5, 10), positive(1, 100), positive(1, 500), fc.integer({ min: 1, max: 50 }), (p, q, gamma, m, x) => {
        const model = gammaGammaModel({ p, q, gamma });
        const population = (p * gamma) / (q - 1);
        const one = model.conditionalExpectedValue({ frequency: x, monetary: m });
        const more = model.conditionalExpectedValue({ frequency: x + 5, monetary: m });
        const between = (v: number): boolean => v >= Math.min(population, m) - 1e-9 && v <= Math.max(population, m) + 1e-9;
        return between(one) && between(more) && Math.abs(more - m) <= Math.abs(one - m) + 1e-9;
      }),
    );
  });
  it('refuses negative or missing spend and data without repeat customers', () => {
    expect(() => fitGammaGamma([{ frequency: 2, monetary: -3 }])).toThrow(expect.objectContaining({ field: 'rows[0].monetary' }));
    expect(() => fitGammaGamma([{ frequency: 0, monetary: 0 }])).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });
});
