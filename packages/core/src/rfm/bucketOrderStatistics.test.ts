import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOrderStatistics } from './bucketOrderStatistics.ts';

const sortedPositions = (picks: number[], n: number): number[] => picks.map((p) => p % n).sort((a, b) => a - b);

describe('bucketOrderStatistics', () => {
  it('gives the values a full sort would put at those positions, duplicates allowed (property)', () => {
    const values = fc.oneof(
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 300 }),
      // + 0 turns -0 into 0: a sort may put either first, and toEqual tells them apart.
      fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((x) => x + 0), { minLength: 1, maxLength: 300 }),
      fc.array(fc.constantFrom(0, 5e-324, 1e-323, 2e-323), { minLength: 1, maxLength: 30 }),
      // Skewed: most values tiny, a few huge, so one bucket holds nearly everything.
      fc.array(fc.integer({ min: 0, max: 1000 }).map((x) => (x > 995 ? x * 1e12 : x / 7)), { minLength: 1, maxLength: 300 }),
    );
    fc.assert(
      fc.property(values, fc.array(fc.nat(), { maxLength: 9 }), (xs, picks) => {
        const positions = sortedPositions(picks, xs.length);
        const sorted = [...xs].sort((a, b) => a - b);
        expect(bucketOrderStatistics(Float64Array.from(xs), positions, 0)).toEqual(positions.map((p) => sorted[p]));
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to quickselect for infinities and agrees with a sort', () => {
    const xs = [3, -Infinity, 7, Infinity, 1, 1, 5];
    const sorted = [...xs].sort((a, b) => a - b);
    expect(bucketOrderStatistics(xs, [0, 2, 3, 6], 0)).toEqual([sorted[0], sorted[2], sorted[3], sorted[6]]);
  });

  it('handles a large all-equal input and a large one with a single outlier', () => {
    expect(bucketOrderStatistics(new Float64Array(10_000).fill(4), [0, 5_000, 9_999])).toEqual([4, 4, 4]);
    const xs = Float64Array.from({ length: 10_000 }, (_, i) => (i === 17 ? 1e15 : (i * 7919) % 10_000));
    const sorted = [...xs].sort((a, b) => a - b);
    expect(bucketOrderStatistics(xs, [1_999, 2_000, 9_998, 9_999])).toEqual([sorted[1_999], sorted[2_000], sorted[9_998], sorted[9_999]]);
  });
});
