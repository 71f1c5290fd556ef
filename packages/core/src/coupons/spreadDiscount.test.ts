import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivRound } from './mulDivRound.ts';
import { spreadDiscount } from './spreadDiscount.ts';

describe('spreadDiscount', () => {
  it('splits by weight with the leftover to the largest remainders, ties to the first line', () => {
    expect(spreadDiscount(3000, [15000, 8000])).toEqual([1957, 1043]);
    expect(spreadDiscount(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spreadDiscount(5, [0, 10, 0])).toEqual([0, 5, 0]);
    expect(spreadDiscount(0, [10, 10])).toEqual([0, 0]);
  });

  it('shares are integers that sum exactly to the total, within one unit of the exact share, never above their weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * fraction);
          const shares = spreadDiscount(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            const w = weights[i] ?? 0;
            expect(Number.isInteger(s)).toBe(true);
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(w);
            // |s − total·w/sum| < 1, checked in integers: |s·sum − total·w| < sum.
            expect(Math.abs(Number(BigInt(s) * BigInt(sum) - BigInt(total) * BigInt(w)))).toBeLessThan(sum);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('mulDivRound', () => {
  it('agrees with BigInt arithmetic, including products beyond 2^53', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b, c) => {
        const p = BigInt(a) * BigInt(b);
        const floor = p / BigInt(c);
        const half = floor + (2n * (p % BigInt(c)) >= BigInt(c) ? 1n : 0n);
        if (floor <= BigInt(Number.MAX_SAFE_INTEGER)) expect(mulDivRound(a, b, c, 'floor')).toBe(Number(floor));
        if (half <= BigInt(Number.MAX_SAFE_INTEGER)) expect(mulDivRound(a, b, c, 'half_up')).toBe(Number(half));
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds half up at the minor unit', () => {
    expect(mulDivRound(19_990, 1_500, 10_000, 'half_up')).toBe(2999);
    expect(mulDivRound(19_990, 1_500, 10_000, 'floor')).toBe(2998);
    expect(mulDivRound(1, 1, 3, 'half_up')).toBe(0);
    expect(() => mulDivRound(-1, 1, 1, 'floor')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
