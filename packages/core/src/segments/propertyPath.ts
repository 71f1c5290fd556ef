/**
 * A scalar a rule compares with.
 *
 * @example
 * ```ts
 * import type { Scalar } from '@memberkit/core';
 * const values: Scalar[] = ['gold', 3, true, null];
 * ```
 */
export type Scalar = string | number | boolean | null;

/**
 * Whether any value at a dotted path matches, fanning out over arrays, so
 * that `products.category` matches an order if any line's category matches.
 * Allocates nothing: it runs for every event of every window scan.
 *
 * @example
 * ```ts
 * import { anyValueAt } from '@memberkit/core';
 * anyValueAt({ products: [{ category: 'toys' }, { category: 'baby' }] }, ['products', 'category'], 'baby');
 * //=> true
 * ```
 */
export function anyValueAt(root: unknown, path: readonly string[], expected: Scalar | readonly Scalar[], i = 0): boolean {
  if (Array.isArray(root)) {
    for (const item of root) if (anyValueAt(item, path, expected, i)) return true;
    return false;
  }
  if (i === path.length) return Array.isArray(expected) ? expected.includes(root as Scalar) : root === expected;
  if (root === null || typeof root !== 'object') return false;
  return anyValueAt((root as Record<string, unknown>)[path[i]!], path, expected, i + 1);
}

/**
 * Sums the numbers at a dotted path, fanning out over arrays (`products.price`).
 *
 * @example
 * ```ts
 * import { sumAt } from '@memberkit/core';
 * sumAt({ products: [{ quantity: 2 }, { quantity: 3 }] }, ['products', 'quantity']);
 * //=> 5
 * ```
 */
export function sumAt(root: unknown, path: readonly string[], i = 0): number {
  if (Array.isArray(root)) {
    let total = 0;
    for (const item of root) total += sumAt(item, path, i);
    return total;
  }
  if (i === path.length) return typeof root === 'number' ? root : 0;
  if (root === null || typeof root !== 'object') return 0;
  return sumAt((root as Record<string, unknown>)[path[i]!], path, i + 1);
}

/**
 * The first value at a dotted path (no fan-out), for profile fields.
 *
 * @example
 * ```ts
 * import { valueAt } from '@memberkit/core';
 * valueAt({ rfm: { segment: 'Champions' } }, ['rfm', 'segment']);
 * //=> 'Champions'
 * ```
 */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
