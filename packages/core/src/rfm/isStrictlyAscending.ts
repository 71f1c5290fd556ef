/**
 * Whether `ids` are in strictly ascending JavaScript string order. One
 * sequential pass: when it holds (customer ids from a sorted dimension table,
 * or generated in order), NTILE tie groups are already in id order and the
 * scorers never need to read an id again. Internal.
 *
 * @example
 * ```ts
 * [isStrictlyAscending(['c01', 'c02', 'c10']), isStrictlyAscending(['b', 'a'])];
 * //=> [true, false]
 * ```
 */
export function isStrictlyAscending(ids: readonly string[]): boolean {
  const n = ids.length;
  for (let i = 1; i < n; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) return false;
  return true;
}
