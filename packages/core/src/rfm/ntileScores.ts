import { bucketOrderStatistics } from './bucketOrderStatistics.ts';
import { splitById } from './quickselect.ts';

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
 * Pass `idsAscending: true` when `ids` are known to be strictly ascending
 * (e.g. checked once for three measures): ties then follow the index order
 * and the ids are not read at all.
 *
 * @example
 * ```ts
 * import { ntileScores } from '@memberkit/core';
 * [...ntileScores(Float64Array.of(10, 30, 20, 20, 50, 40), ['a', 'b', 'c', 'd', 'e', 'f'])];
 * //=> [1, 3, 1, 2, 5, 4]
 * ```
 */
export function ntileScores(keys: ArrayLike<number>, ids: readonly string[], tiles = 5, idsAscending = false): Uint8Array {
  const n = keys.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const starts = tileStarts(n, tiles).filter((s) => s < n);
  const positions: number[] = [];
  for (const s of starts) positions.push(s - 1, s);
  const stats = bucketOrderStatistics(keys, positions);
  // bound[j] = first key of tile j + 2 (ascending); a tie value split by a boundary gets a group,
  // and groupOf[j] names the group of every bound equal to such a value (-1: none).
  const nb = starts.length;
  const bounds = new Float64Array(Math.max(4, nb)).fill(Infinity);
  const groupOf = new Int32Array(nb + 1).fill(-1);
  const ties: number[] = [];
  for (let j = 0; j < nb; j++) {
    const first = stats[2 * j + 1] as number;
    bounds[j] = first;
    if ((stats[2 * j] as number) === first && !ties.includes(first)) ties.push(first);
  }
  for (let j = 0; j < nb; j++) groupOf[j] = ties.indexOf(bounds[j] as number);
  const groups: Uint32Array[] = ties.map(() => new Uint32Array(16));
  const sizes = new Int32Array(ties.length);
  const perTile = new Float64Array(Math.max(tiles, nb + 1) + 2);
  const b0 = bounds[0] as number;
  const b1 = bounds[1] as number;
  const b2 = bounds[2] as number;
  const b3 = bounds[3] as number;
  for (let i = 0; i < n; i++) {
    const x = keys[i] as number;
    let tile: number;
    if (nb <= 4) {
      // Unrolled for the usual five tiles (missing bounds are +Infinity).
      tile = x < b0 ? 1 : x < b1 ? 2 : x < b2 ? 3 : x < b3 ? 4 : 5;
    } else {
      tile = 1;
      for (let j = 0; j < nb; j++) if ((bounds[j] as number) <= x) tile++;
    }
    out[i] = tile;
    perTile[tile] = (perTile[tile] as number) + 1;
    // The last bound at or below x is bound tile - 2; the customer is in a tie group iff x equals it.
    if (tile > 1 && x === (bounds[tile - 2] as number)) {
      const g = groupOf[tile - 2] as number;
      if (g >= 0) {
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
  for (let g = 0; g < ties.length; g++) {
    const size = sizes[g] as number;
    const idx = (groups[g] as Uint32Array).subarray(0, size);
    // Keys below the tie value are exactly those whose tile is at most 1 + (bounds below it).
    const v = ties[g] as number;
    let lower = 0;
    while (lower < nb && (bounds[lower] as number) < v) lower++;
    let lo = 0;
    for (let t = 1; t <= lower + 1; t++) lo += perTile[t] as number;
    // Boundaries falling strictly inside this group split it by id order.
    const cuts = starts.filter((s) => s > lo && s < lo + size).map((s) => s - lo);
    // Collected in index order, which is id order when the ids ascend.
    if (!idsAscending) splitById(idx, ids, cuts);
    for (let p = 0; p < size; p++) {
      let tile = 1;
      for (const s of starts) if (s <= lo + p) tile++;
      out[idx[p] as number] = tile;
    }
  }
  return out;
}
