import { MemberkitError } from '../../errors/memberkitError.ts';

/**
 * Baskets interned into integers, restricted to the items that reach
 * `minCount`, in both layouts the miner needs: vertical (for every item the
 * sorted basket numbers, "tids", that contain it) and horizontal (for every
 * basket its item ranks, ascending). Items are numbered by rank: ascending
 * count, ties by label, the order the itemset miner extends in.
 *
 * @example
 * ```ts
 * import { indexBaskets } from './basketIndex.ts';
 * const t = indexBaskets([['milk', 'bread'], ['milk']], 1);
 * [t.labels, Array.from(t.counts)];
 * //=> [['bread', 'milk'], [1, 2]]
 * ```
 */
export interface BasketIndex {
  /** Number of baskets read, empty ones included (arules counts them too). */
  readonly transactionCount: number;
  /** Label of each frequent item, by rank. */
  readonly labels: readonly string[];
  /** Number of baskets containing each frequent item, by rank. */
  readonly counts: Int32Array;
  /** Where each item's tid list starts in `tids`; length = items + 1. */
  readonly offsets: Int32Array;
  readonly tids: Int32Array;
  /** Where each basket's ranks start in `rowItems`; length = baskets + 1. */
  readonly rowOffsets: Int32Array;
  /** Frequent item ranks of each basket, ascending within a basket. */
  readonly rowItems: Int32Array;
  /** Number of distinct items seen, frequent or not. */
  readonly distinctItems: number;
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Reads baskets once, interning item labels into integers, and keeps only
 * the items bought in at least `minCount` baskets. A basket that names an
 * item twice counts it once (baskets are sets, as in arules).
 *
 * @example
 * ```ts
 * import { indexBaskets } from './basketIndex.ts';
 * indexBaskets([['a', 'b'], ['a'], []], 2).transactionCount;
 * //=> 3
 * ```
 */
export function indexBaskets(baskets: Iterable<readonly string[]>, minCount: number | ((transactionCount: number) => number)): BasketIndex {
  const ids = new Map<string, number>();
  const labels: string[] = [];
  let seen = new Int32Array(256); // last basket that held the item: dedupes within a basket without a Set
  let itemCount = new Int32Array(256);
  let flat = new Int32Array(1 << 14);
  let size = 0;
  let n = 0;
  let basketStarts = new Int32Array(1 << 12);
  for (const basket of baskets) {
    if (!Array.isArray(basket)) {
      throw new MemberkitError('invalid_input', `basket ${n} is not an array of item labels`, { field: `baskets.${n}` });
    }
    if (n + 2 > basketStarts.length) basketStarts = grow(basketStarts, n + 2);
    basketStarts[n] = size;
    if (size + basket.length > flat.length) flat = grow(flat, size + basket.length);
    for (let j = 0; j < basket.length; j++) {
      const label: unknown = basket[j];
      if (typeof label !== 'string') {
        throw new MemberkitError('invalid_input', `item ${j} of basket ${n} is not a string`, { field: `baskets.${n}.${j}` });
      }
      let id = ids.get(label);
      if (id === undefined) {
        id = labels.length;
        ids.set(label, id);
        labels.push(label);
        if (id >= seen.length) {
          seen = grow(seen, id + 1);
          itemCount = grow(itemCount, id + 1);
        }
      }
      // tids are stored +1 so that the zero-filled array means "never seen".
      if (seen[id] === n + 1) continue;
      seen[id] = n + 1;
      itemCount[id]! += 1;
      flat[size++] = id;
    }
    n++;
  }
  basketStarts = grow(basketStarts, n + 1);
  basketStarts[n] = size;
  const threshold = typeof minCount === 'function' ? minCount(n) : minCount;

  const frequent: number[] = [];
  for (let id = 0; id < labels.length; id++) if (itemCount[id]! >= threshold) frequent.push(id);
  frequent.sort((x, y) => itemCount[x]! - itemCount[y]! || (labels[x]! < labels[y]! ? -1 : labels[x]! > labels[y]! ? 1 : 0));
  const rankOf = new Int32Array(labels.length).fill(-1);
  const counts = new Int32Array(frequent.length);
  const offsets = new Int32Array(frequent.length + 1);
  for (let r = 0; r < frequent.length; r++) {
    rankOf[frequent[r]!] = r;
    counts[r] = itemCount[frequent[r]!]!;
    offsets[r + 1] = offsets[r]! + counts[r]!;
  }
  // Counting sort into vertical form; walking baskets in order keeps each tid
  // list sorted. The horizontal form is rewritten in place over `flat`.
  const tids = new Int32Array(offsets[frequent.length]!);
  const cursor = offsets.slice(0, frequent.length);
  const rowOffsets = new Int32Array(n + 1);
  let w = 0;
  for (let t = 0; t < n; t++) {
    const rowStart = w;
    for (let k = basketStarts[t]!, end = basketStarts[t + 1]!; k < end; k++) {
      const r = rankOf[flat[k]!]!;
      if (r < 0) continue;
      tids[cursor[r]!++] = t;
      // insertion sort: baskets are short
      let p = w++;
      while (p > rowStart && flat[p - 1]! > r) {
        flat[p] = flat[p - 1]!;
        p--;
      }
      flat[p] = r;
    }
    rowOffsets[t + 1] = w;
  }
  return {
    transactionCount: n,
    labels: frequent.map((id) => labels[id]!),
    counts,
    offsets,
    tids,
    rowOffsets,
    rowItems: flat.subarray(0, w),
    distinctItems: labels.length,
  };
}
