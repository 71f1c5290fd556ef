import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { calibrationTable } from './calibrationTable.ts';
import { rocAuc } from './rocAuc.ts';

const labelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }).map((s) => s / 6), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 60 })
  .filter((rows) => rows.some(([, y]) => y === 1) && rows.some(([, y]) => y === 0));

describe('rocAuc', () => {
  it('equals the share of (positive, negative) pairs ranked right, ties counting one half', () => {
    fc.assert(
      fc.property(labelled, (rows) => {
        let wins = 0;
        let pairs = 0;
        for (const [sp, yp] of rows) {
          if (yp !== 1) continue;
          for (const [sn, yn] of rows) {
            if (yn !== 0) continue;
            pairs++;
            wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
          }
        }
        expect(rocAuc(rows.map((r) => r[0]), rows.map((r) => r[1]))).toBeCloseTo(wins / pairs, 12);
      }),
    );
  });

  it('needs both classes', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow(MemberkitError);
  });
});

describe('calibrationTable', () => {
  it('bins every prediction once and its Brier score is the mean squared error', () => {
    fc.assert(
      fc.property(labelled, fc.integer({ min: 1, max: 12 }), (rows, bins) => {
        const p = rows.map((r) => r[0]);
        const y = rows.map((r) => r[1]);
        const t = calibrationTable(p, y, bins);
        expect(t.bins.reduce((s, b) => s + b.count, 0)).toBe(rows.length);
        expect(t.brier).toBeCloseTo(rows.reduce((s, [pi, yi]) => s + (pi - yi) ** 2, 0) / rows.length, 12);
        for (const b of t.bins) {
          expect(b.meanPredicted).toBeGreaterThanOrEqual(b.from - 1e-12);
          expect(b.meanPredicted).toBeLessThanOrEqual(b.to + 1e-12);
        }
      }),
    );
  });

  it('rejects a value that is not a probability', () => {
    expect(() => calibrationTable([1.5], [1])).toThrow(MemberkitError);
  });
});
