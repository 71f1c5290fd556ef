/**
 * The median of a list of numbers (the mean of the middle two for an even count), for benchmark
 * summaries: a run that a busy machine slowed moves it less than it moves the mean.
 *
 * @example
 * ```ts
 * import { median } from './median.ts';
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
