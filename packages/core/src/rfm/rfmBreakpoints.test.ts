import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmBreakpoints } from '../index.ts';

// R's datasets::mtcars$mpg; the rfm package's tests/testthat/test-utils.R expects
// bins(mtcars, "mpg", 5) == c(16.20, 18.92, 22.00, 25.08).
const mpg = [21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4];

/** Type-7 quantile on a fully sorted copy, as in R's quantile.default. */
function referenceType7(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const index = 1 + (x.length - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  return index > lo && x[hi - 1] !== x[lo - 1] ? (1 - h) * x[lo - 1]! + h * x[hi - 1]! : x[lo - 1]!;
}

describe('rfmBreakpoints', () => {
  it("reproduces the rfm package's own bins() test on mtcars$mpg (tolerance 1e-12: R compares with all.equal)", () => {
    const b = rfmBreakpoints(mpg);
    [16.2, 18.92, 22.0, 25.08].forEach((want, i) => expect(b[i]).toBeCloseTo(want, 12));
  });

  it('is the type-7 quantile at k * 0.2 plus one, bit for bit, on any data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 400 }), (values) => {
        expect(rfmBreakpoints(values)).toEqual([1, 2, 3, 4].map((k) => referenceType7(values, k * 0.2) + 1));
      }),
    );
  });
});
