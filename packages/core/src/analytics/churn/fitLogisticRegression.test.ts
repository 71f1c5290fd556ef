import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { fitLogisticRegression } from './fitLogisticRegression.ts';

describe('fitLogisticRegression', () => {
  it('without a penalty reproduces the closed form of a 2×2 table: intercept = log odds at x = 0, slope = log odds ratio', () => {
    // x = 0: 30 churned of 100; x = 1: 60 churned of 80.
    const rows: [number, number][] = [
      ...Array.from({ length: 30 }, (): [number, number] => [0, 1]),
      ...Array.from({ length: 70 }, (): [number, number] => [0, 0]),
      ...Array.from({ length: 60 }, (): [number, number] => [1, 1]),
      ...Array.from({ length: 20 }, (): [number, number] => [1, 0]),
    ];
    const m = fitLogisticRegression(Float64Array.from(rows, (r) => r[0]), Uint8Array.from(rows, (r) => r[1]), 1, { l2: 0 });
    expect(m.predict([0])).toBeCloseTo(0.3, 12);
    expect(m.predict([1])).toBeCloseTo(0.75, 12);
    expect(m.coefficients[0]! / m.scales[0]!).toBeCloseTo(Math.log((60 / 20) / (30 / 70)), 10);
  });

  it('reaches a stationary point of the penalised likelihood (score equations hold)', () => {
    const data = fc.array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 0, max: 1 })), {
      minLength: 5,
      maxLength: 60,
    }).filter((rows) => rows.some((r) => r[2] === 1) && rows.some((r) => r[2] === 0));
    fc.assert(
      fc.property(data, fc.double({ min: 0.1, max: 10, noNaN: true }), (rows, l2) => {
        const x = Float64Array.from(rows.flatMap((r) => [r[0], r[1]]));
        const y = Uint8Array.from(rows, (r) => r[2]);
        const m = fitLogisticRegression(x, y, 2, { l2 });
        // gradient wrt standardised coefficients: Σ z_ij (y_i − p_i) − λ β_j = 0, and Σ (y_i − p_i) = 0
        const grad = [0, 0, 0];
        rows.forEach((r, i) => {
          const res = y[i]! - m.predict([r[0], r[1]]);
          grad[0]! += res;
          grad[1]! += ((r[0] - m.means[0]!) / m.scales[0]!) * res;
          grad[2]! += ((r[1] - m.means[1]!) / m.scales[1]!) * res;
        });
        expect(Math.abs(grad[0]!)).toBeLessThan(1e-6);
        expect(Math.abs(grad[1]! - l2 * m.coefficients[0]!)).toBeLessThan(1e-6);
        expect(Math.abs(grad[2]! - l2 * m.coefficients[1]!)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const y = Uint8Array.of(0, 1, 0, 1, 1, 1);
    expect(fitLogisticRegression(x, y, 1).coefficients).toEqual(fitLogisticRegression(x, y, 1).coefficients);
  });

  it('says so when separable data cannot converge without a penalty', () => {
    const run = (): unknown => fitLogisticRegression(Float64Array.of(0, 1, 2, 3), Uint8Array.of(0, 0, 1, 1), 1, { l2: 0, maxIterations: 25 });
    expect(run).toThrow(MemberkitError);
    try {
      run();
    } catch (e) {
      expect((e as MemberkitError).code).toBe('not_converged');
    }
  });

  it('rejects mismatched shapes, non-binary labels and a single class', () => {
    expect(() => fitLogisticRegression(Float64Array.of(1, 2), Uint8Array.of(0, 0), 1)).toThrow(/both classes/);
    expect(() => fitLogisticRegression(Float64Array.of(1, 2, 3), Uint8Array.of(0, 1), 1)).toThrow(MemberkitError);
    expect(() => fitLogisticRegression(Float64Array.of(1, 2), Uint8Array.of(0, 2), 1)).toThrow(MemberkitError);
  });
});
