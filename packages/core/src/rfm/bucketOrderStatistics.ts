import { orderStatistics, quickselect } from './quickselect.ts';

const BUCKETS = 1 << 16;

/**
 * {@link orderStatistics} in three sequential passes instead of repeated
 * partitioning of the whole array: find min and max, count the values in
 * 65,536 equal-width buckets (`floor((x - min) × scale)` is monotone, so the
 * buckets are ordered), and copy out only the values of the few buckets that
 * hold a wanted position; quickselect then runs inside those. On a million
 * keys that is a few milliseconds instead of about a hundred. Falls back to
 * plain quickselect for small inputs, NaN or infinite values. Positions must
 * be ascending and within range. Internal.
 *
 * @example
 * ```ts
 * bucketOrderStatistics(Float64Array.of(9, 7, 8, 6), [0, 3], 0);
 * //=> [6, 9]
 * ```
 */
export function bucketOrderStatistics(values: ArrayLike<number>, positions: readonly number[], minSize = 4096): number[] {
  const n = values.length;
  if (n < minSize || positions.length === 0) return orderStatistics(values, positions);
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x < min) min = x;
    if (x > max) max = x;
    if (x !== x) nan = true;
  }
  if (nan || !(max - min < Infinity)) return orderStatistics(values, positions);
  if (min === max) return positions.map(() => min);
  const scale = (BUCKETS - 1) / (max - min);
  // A range of a few subnormals overflows the scale (0 × Infinity would be NaN).
  if (!(scale < Infinity)) return orderStatistics(values, positions);
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(((values[i] as number) - min) * scale);
    counts[b] = (counts[b] as number) + 1;
  }
  // For each position: its bucket and its rank inside that bucket.
  const bucketOf: number[] = [];
  const rankIn: number[] = [];
  let b = 0;
  let before = 0;
  for (const p of positions) {
    while (before + (counts[b] as number) <= p) before += counts[b++] as number;
    bucketOf.push(b);
    rankIn.push(p - before);
  }
  // Slot of each wanted bucket's values (-1: not wanted), then one pass copying them out.
  const slot = new Int32Array(BUCKETS).fill(-1);
  const wanted: number[] = [];
  for (const w of bucketOf) {
    if (slot[w] === -1) {
      slot[w] = wanted.length;
      wanted.push(w);
    }
  }
  const parts = wanted.map((w) => new Float64Array(counts[w] as number));
  const fill = new Int32Array(wanted.length);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const s = slot[Math.floor((x - min) * scale)] as number;
    if (s >= 0) {
      (parts[s] as Float64Array)[fill[s] as number] = x;
      fill[s] = (fill[s] as number) + 1;
    }
  }
  const out: number[] = [];
  const from = new Int32Array(wanted.length);
  for (let k = 0; k < positions.length; k++) {
    const s = slot[bucketOf[k] as number] as number;
    const part = parts[s] as Float64Array;
    const r = rankIn[k] as number;
    quickselect(part, from[s] as number, part.length - 1, r);
    out.push(part[r] as number);
    from[s] = r;
  }
  return out;
}
