/**
 * A new array twice as long as `items` (at least 2), holding its first
 * `used` slots: how {@link CompactMap} and {@link CompactSet} grow. `push`
 * would give a tiny array 16 spare slots, which for a few keys per member
 * is most of what a member's collections weigh.
 *
 * @example
 * ```ts
 * import { doubledSlots } from './doubledSlots.ts';
 * doubledSlots(['a', 'b'], 2);
 * //=> ['a', 'b', undefined, undefined]
 * ```
 */
export function doubledSlots<T>(items: readonly T[], used: number): (T | undefined)[] {
  // A full small array (what the compact collections grow, up to their limit of eight entries)
  // doubles by an array literal: V8 places a literal's arrays straight in the old generation
  // once they are seen to live on, as a member's collections do; `new Array` is allocated young
  // and copied out by the scavenger.
  const a = items;
  const u = undefined;
  if (used === a.length) {
    if (used === 2) return [a[0], a[1], u, u];
    if (used === 4) return [a[0], a[1], a[2], a[3], u, u, u, u];
    // prettier-ignore
    if (used === 8) return [a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], u, u, u, u, u, u, u, u];
  }
  const more = new Array<T | undefined>(Math.max(2, 2 * items.length));
  for (let j = 0; j < used; j++) more[j] = items[j];
  return more;
}
