import { orderStatistics, selectById } from './quickselect.ts';

/**
 * The first row (0-based) of each tile after the first, as SQL's NTILE(t)
 * deals `n` rows: the first `n mod t` tiles get one row more. A start equal
 * to `n` means the tile is empty (fewer rows than tiles).
 */
function tileStarts(n: number, tiles: number): number[] {
  const q = Math.floor(n / tiles);
  const extra = n % tiles;
  const starts: number[] = [];
  for (let j = 1; j < tiles; j++) starts.push(j * q + Math.min(j, extra));
  return starts;
}

/**
 * Equal-count tile scores 1..`tiles` for `keys`, exactly what SQL gives for
 * `NTILE(tiles) OVER (ORDER BY key ASC, customer_id ASC)`: the smallest keys
 * get 1, ties are broken by the customer id (JavaScript string order, which
 * is byte order for ASCII ids), so the result does not depend on the order
 * customers arrive in.
 *
 * It never sorts: tile boundaries are order statistics found by quickselect,
 * a customer's tile follows from comparing its key with the boundary keys,
 * and only the customers whose key equals a boundary key that falls inside a
 * tie group are ordered by id (by selection again). Expected O(n).
 *
 * @example
 * ```ts
 * import { ntileScores } from '@memberkit/core';
 * [...ntileScores(Float64Array.of(10, 30, 20, 20, 50, 40), ['a', 'b', 'c', 'd', 'e', 'f'])];
 * //=> [1, 3, 1, 2, 5, 4]
 * ```
 */
export function ntileScores(keys: ArrayLike<number>, ids: readonly string[], tiles = 5): Uint8Array {
  const n = keys.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const starts = tileStarts(n, tiles).filter((s) => s < n);
  const positions: number[] = [];
  for (const s of starts) positions.push(s - 1, s);
  const stats = orderStatistics(keys, positions);
  // bound[j] = first key of tile j + 2; straddle[j] = the tie value split by boundary j, if any.
  const bound: number[] = [];
  const straddling: number[] = [];
  for (let j = 0; j < starts.length; j++) {
    const before = stats[2 * j] as number;
    const first = stats[2 * j + 1] as number;
    bound.push(first);
    if (before === first && !straddling.includes(first)) straddling.push(first);
  }
  const nb = bound.length;
  const bounds = Float64Array.from(bound);
  const ns = straddling.length;
  const ties = Float64Array.from(straddling);
  const below = new Float64Array(ns);
  const groups: Uint32Array[] = straddling.map(() => new Uint32Array(16));
  const sizes = new Int32Array(ns);
  // Most customers: one comparison per boundary. Customers on a straddling tie value are
  // collected for the id split below; `below` counts the keys under each tie value.
  for (let i = 0; i < n; i++) {
    const x = keys[i] as number;
    let tile = 1;
    for (let j = 0; j < nb; j++) if ((bounds[j] as number) <= x) tile++;
    out[i] = tile;
    for (let g = 0; g < ns; g++) {
      const v = ties[g] as number;
      if (x < v) below[g] = (below[g] as number) + 1;
      else if (x === v) {
        let group = groups[g] as Uint32Array;
        const size = sizes[g] as number;
        if (size === group.length) {
          const bigger = new Uint32Array(size * 2);
          bigger.set(group);
          groups[g] = group = bigger;
        }
        group[size] = i;
        sizes[g] = size + 1;
      }
    }
  }
  for (let g = 0; g < ns; g++) {
    const size = sizes[g] as number;
    const idx = (groups[g] as Uint32Array).subarray(0, size);
    const lo = below[g] as number;
    // Boundaries falling strictly inside this group split it by id order.
    const cuts = starts.filter((s) => s > lo && s < lo + size).map((s) => s - lo);
    let from = 0;
    for (const cut of cuts) {
      selectById(idx, ids, from, size - 1, cut);
      from = cut;
    }
    for (let p = 0; p < size; p++) {
      let tile = 1;
      for (const s of starts) if (s <= lo + p) tile++;
      out[idx[p] as number] = tile;
    }
  }
  return out;
}
