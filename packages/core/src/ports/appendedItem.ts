/**
 * `list` with `item` at the end, for a list a store keeps for good (a
 * member's growth entries): the result must be stored in place of `list`.
 * Up to four items it is a new array literal, and `list` is left as it was;
 * after that `item` is pushed onto `list`, which is returned.
 *
 * Why: V8 allocates an array literal whose arrays are seen to live on
 * straight in the old generation, but the backing store that `push` grows
 * for a new array is allocated young, and the scavenger then copies it out
 * (twice) for every member. Most members keep a few items, so their lists
 * never take that path.
 *
 * @example
 * ```ts
 * import { appendedItem } from './appendedItem.ts';
 * const empty: number[] = [];
 * const one = appendedItem(empty, 1);
 * [empty, one, appendedItem(one, 2)];
 * //=> [[], [1], [1, 2]]
 * ```
 */
export function appendedItem<T>(list: T[], item: T): T[] {
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0] as T, item];
    case 2:
      return [list[0] as T, list[1] as T, item];
    case 3:
      return [list[0] as T, list[1] as T, list[2] as T, item];
    default:
      list.push(item);
      return list;
  }
}
