import { bucketOrderStatistics } from './bucketOrderStatistics.ts';

/**
 * The four breakpoints the R package rfm 0.3.0 uses to bin a measure into
 * five scores (its `bins()` helper): the type-7 quantiles (R's default,
 * `quantile(x, c(.2, .4, .6, .8))`) plus 1. The arithmetic follows R's own
 * `quantile.default` step for step (`index = 1 + (n - 1) p`, then
 * `(1 - h) x[lo] + h x[hi]`) so the breakpoints are bit-for-bit R's.
 *
 * @example
 * ```ts
 * import { rfmBreakpoints } from '@memberkit/core';
 * // mtcars$mpg: the rfm package's own test expects 16.20, 18.92, 22.00, 25.08; R holds
 * // exactly these doubles (print(digits = 17) shows 25.080000000000002 too)
 * rfmBreakpoints([21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4]);
 * //=> [16.2, 18.92, 22, 25.080000000000002]
 * ```
 */
export function rfmBreakpoints(values: ArrayLike<number>): [number, number, number, number] {
  const n = values.length;
  // R builds the probabilities with seq(0, 1, length.out = 6): k * 0.2, so 0.6 is 0.6000000000000001.
  const index = [1, 2, 3, 4].map((k) => 1 + (n - 1) * (k * 0.2));
  const lo = index.map((i) => Math.floor(i));
  const hi = index.map((i) => Math.ceil(i));
  const positions = [...new Set([...lo, ...hi].map((p) => p - 1))].sort((a, b) => a - b);
  const stats = bucketOrderStatistics(values, positions);
  const at = (p: number): number => stats[positions.indexOf(p - 1)] as number;
  const q = index.map((i, k) => {
    const l = lo[k] as number;
    const h = hi[k] as number;
    const xl = at(l);
    const xh = at(h);
    if (i > l && xh !== xl) {
      const frac = i - l;
      return (1 - frac) * xl + frac * xh;
    }
    return xl;
  });
  return [(q[0] as number) + 1, (q[1] as number) + 1, (q[2] as number) + 1, (q[3] as number) + 1];
}

/**
 * Scores 1..5 by the rfm package rule: bins `[min, b1), [b1, b2), [b2, b3),
 * [b3, b4), [b4, max + 1)` over the {@link rfmBreakpoints}; ties always land
 * in the same bin, so bins need not hold equal counts. With `reverse` (for
 * recency in days) the first bin scores 5. Internal: use `computeRfm` with
 * `method: 'breaks'`.
 *
 * @example
 * ```ts
 * // Breakpoints 2.8, 3.6, 4.4, 5.2: the "+ 1" shifts every bin up, as in R.
 * [...breaksScores(Float64Array.of(1, 2, 3, 4, 5), false)];
 * //=> [1, 1, 2, 3, 4]
 * ```
 */
export function breaksScores(values: ArrayLike<number>, reverse: boolean): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const [b1, b2, b3, b4] = rfmBreakpoints(values);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // Bins are contiguous from min to max + 1 and b1 > min, b4 <= max + 1, so every value has exactly one bin.
    const bin = v < b1 ? 1 : v < b2 ? 2 : v < b3 ? 3 : v < b4 ? 4 : 5;
    out[i] = reverse ? 6 - bin : bin;
  }
  return out;
}
