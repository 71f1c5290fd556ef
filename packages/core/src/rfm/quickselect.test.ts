import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistics, splitById } from './quickselect.ts';

describe('quickselect helpers', () => {
  it('orderStatistics gives the values a full sort would put at those positions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { maxLength: 6 }), (values, picks) => {
        const positions = [...new Set(picks.map((p) => p % values.length))].sort((a, b) => a - b);
        const sorted = [...values].sort((a, b) => a - b);
        expect(orderStatistics(values, positions)).toEqual(positions.map((p) => sorted[p]));
      }),
    );
  });

  it('splitById puts the c smallest ids before each cut, whatever the ids (property)', () => {
    // Long shared prefixes, ids equal on the packed six characters, non-Latin-1 characters.
    const idArb = fc.oneof(
      fc.stringMatching(/^c0[0-9]{1,9}$/),
      fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ÿ'), maxLength: 9 }).map((s) => `prefix-${s}`),
      fc.string({ unit: fc.constantFrom('x', '会', '员'), maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { minLength: 2, maxLength: 150 }), fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }), (ids, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((c) => 1 + (c % (ids.length - 1))))].sort((a, b) => a - b);
        const idx = Uint32Array.from(ids.keys());
        splitById(idx, ids, cuts);
        expect([...idx].sort((a, b) => a - b)).toEqual([...ids.keys()]);
        const sorted = [...ids].sort();
        for (const cut of cuts) {
          const left = [...idx.subarray(0, cut)].map((i) => ids[i]!).sort();
          expect(left).toEqual(sorted.slice(0, cut));
        }
      }),
    );
  });
});
