import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgNbdModel, fitBgNbd } from './bgNbd.ts';
import { simulateBgNbd } from './simulateBgNbd.ts';
import { seededRandom } from '../ports/random.ts';
import { MemberkitError } from '../errors/memberkitError.ts';

const params = fc.record({
  r: fc.double({ min: 0.05, max: 2, noNaN: true }),
  alpha: fc.double({ min: 1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.1, max: 5, noNaN: true }),
  b: fc.double({ min: 0.1, max: 10, noNaN: true }),
});
const history = fc
  .record({ x: fc.integer({ min: 0, max: 60 }), tx: fc.double({ min: 0.1, max: 80, noNaN: true }), gap: fc.double({ min: 0, max: 80, noNaN: true }) })
  .map(({ x, tx, gap }) => ({ frequency: x, recency: x === 0 ? 0 : tx, T: (x === 0 ? 0 : tx) + gap + 0.01 }));

describe('BG/NBD properties', () => {
  it('P(alive) is a probability and expectations grow with the horizon', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.1, max: 100, noNaN: true }), (p, row, t) => {
        const m = bgNbdModel(p);
        const alive = m.probabilityAlive(row);
        const e1 = m.conditionalExpectedPurchases(t, row);
        const e2 = m.conditionalExpectedPurchases(t * 1.5, row);
        return alive >= 0 && alive <= 1 && e1 >= 0 && e2 >= e1 - 1e-12 && m.expectedPurchases(t * 1.5) >= m.expectedPurchases(t);
      }),
      { numRuns: 200 },
    );
  });
  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.5, max: 10, noNaN: true }), (p, t) => {
        const m = bgNbdModel({ ...p, a: p.a + 1.2 });
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 150; n++) {
          const q = m.probabilityOfPurchases(n, t);
          total += q;
          mean += n * q;
        }
        return Math.abs(total - 1) < 1e-6 && Math.abs(mean - m.expectedPurchases(t)) < 1e-4 * Math.max(1, mean);
      }),
      { numRuns: 60 },
    );
  });
  it('recovers the parameters of a simulated population, deterministically', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
    const rows = simulateBgNbd(truth, { customers: 4000, T: (i) => 26 + (i % 13), random: seededRandom(11) });
    const fit = fitBgNbd(rows);
    // Within 3 standard errors of the truth (a 4,000-customer sample).
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * fit.standardErrors[k]);
    expect(fitBgNbd(rows).params).toEqual(fit.params);
  });
  it('shrinks the parameters with a larger penalizer (as lifetimes does)', () => {
    const rows = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, { customers: 1000, T: 39, random: seededRandom(3) });
    const free = fitBgNbd(rows);
    const shrunk = fitBgNbd(rows, { penalizer: 0.1 });
    const sum = (p: typeof free.params): number => p.r + p.alpha + p.a + p.b;
    expect(sum(shrunk.params)).toBeLessThan(sum(free.params));
  });
  it('refuses bad rows, naming the field', () => {
    const bad = (rows: object[], field: string): void => {
      try {
        fitBgNbd(rows as never);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(MemberkitError);
        expect((e as MemberkitError).field).toBe(field);
      }
    };
    bad([], 'rows');
    bad([{ frequency: 1, recency: 5, T: 3 }], 'rows[0].T');
    bad([{ frequency: -1, recency: 0, T: 3 }], 'rows[0].frequency');
    bad([{ frequency: 1.5, recency: 1, T: 3 }], 'rows[0].frequency');
    bad([{ frequency: 1, recency: Number.NaN, T: 3 }], 'rows[0].recency');
    bad([{ frequency: 0, recency: 0, T: 3, weight: 0 }], 'rows[0].weight');
    expect(() => bgNbdModel({ r: 1, alpha: 1, a: 1, b: 1 }).expectedPurchases(-1)).toThrow(MemberkitError);
  });
  it('says not_converged instead of returning nonsense when the data cannot identify the model', () => {
    const rows = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, { customers: 500, T: 39, random: seededRandom(5) });
    expect(() => fitBgNbd(rows, { maxIterations: 2 })).toThrow(expect.objectContaining({ code: 'not_converged' }));
  });
});
