/**
 * The one empty list that results and records share wherever a list is
 * empty (no allocations, no coupon templates, nothing restored yet). The
 * store keeps every command's result for replays, and an empty array is
 * still a 32-byte object per result; frozen, and typed read-only like the
 * fields that hold it, so sharing it is safe.
 *
 * @example
 * ```ts
 * import { NO_ITEMS } from './noItems.ts';
 * [NO_ITEMS.length, Object.isFrozen(NO_ITEMS)];
 * //=> [0, true]
 * ```
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);
