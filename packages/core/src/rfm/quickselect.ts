/**
 * Rearranges `a[lo..hi]` (inclusive) so that `a[k]` holds the value it would
 * hold if that range were sorted ascending, smaller-or-equal values before it
 * and greater-or-equal after. Three-way partitioning keeps data with few
 * distinct values (order counts) linear; the pivot is a median of three.
 * Expected O(n): the RFM scorers need a handful of order statistics, never a
 * full sort. Internal.
 *
 * @example
 * ```ts
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * quickselect(a, 0, 4, 1);
 * a[1];
 * //=> 2
 * ```
 */
export function quickselect(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = lo + ((hi - lo) >>> 1);
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i] as number;
      if (v < pivot) {
        a[i] = a[lt] as number;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt] as number;
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

/**
 * The values at the given ascending-order positions of `values`, as if it
 * were sorted, without sorting it (works on a copy). Positions must be
 * ascending and within range.
 *
 * @example
 * ```ts
 * orderStatistics(Float64Array.of(9, 7, 8, 6), [0, 3]);
 * //=> [6, 9]
 * ```
 */
export function orderStatistics(values: ArrayLike<number>, positions: readonly number[]): number[] {
  // The constructor copies a typed array natively; Float64Array.from would walk an iterator.
  const a = new Float64Array(values);
  const out: number[] = [];
  let lo = 0;
  for (const p of positions) {
    quickselect(a, lo, a.length - 1, p);
    out.push(a[p] as number);
    lo = p;
  }
  return out;
}

/**
 * Like {@link quickselect} but over customer indexes ordered by their id
 * strings (UTF-16 code-unit order, JavaScript's `<`): afterwards the first
 * `k - lo` entries of `idx[lo..hi]` are the customers with the smallest ids.
 * Used to break ties inside the few groups that straddle an NTILE boundary.
 *
 * @example
 * ```ts
 * const idx = Uint32Array.of(0, 1, 2);
 * selectById(idx, ['c', 'a', 'b'], 0, 2, 0);
 * idx[0];
 * //=> 1
 * ```
 */
export function selectById(idx: Uint32Array, ids: readonly string[], lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = lo + ((hi - lo) >>> 1);
    const x = ids[idx[lo] as number] as string;
    const y = ids[idx[mid] as number] as string;
    const z = ids[idx[hi] as number] as string;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const c = idx[i] as number;
      const v = ids[c] as string;
      if (v < pivot) {
        idx[i] = idx[lt] as number;
        idx[lt] = c;
        lt++;
        i++;
      } else if (v > pivot) {
        idx[i] = idx[gt] as number;
        idx[gt] = c;
        gt--;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}
