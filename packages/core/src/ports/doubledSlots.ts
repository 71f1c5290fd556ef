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
  const more = new Array<T | undefined>(Math.max(2, 2 * items.length));
  for (let j = 0; j < used; j++) more[j] = items[j];
  return more;
}
