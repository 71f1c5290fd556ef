import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { anyValueAt, type Scalar } from './propertyPath.ts';

/**
 * Tests one event against an event condition's type and property filters.
 *
 * @example
 * ```ts
 * import { eventMatcher, type EventMatch } from '@memberkit/core';
 * const babyView: EventMatch = eventMatcher('product_viewed', { category: 'baby' });
 * ```
 */
export type EventMatch = (e: MemberkitEvent) => boolean;

/**
 * Compiles an event type and `where` filters (dotted paths fan out over
 * line items: `products.category`) into one test, paths split once.
 *
 * @example
 * ```ts
 * import { eventMatcher } from '@memberkit/core';
 * const match = eventMatcher('order_completed', { 'products.category': 'baby' });
 * match({ id: 'e1', type: 'order_completed', timestamp: 0, source: 'server', properties: { orderId: 'o1', currency: 'CNY', total: 100, products: [{ productId: 'p', category: 'baby', price: 100, quantity: 1 }] } });
 * //=> true
 * ```
 */
export function eventMatcher(type: string, where: Readonly<Record<string, Scalar | readonly Scalar[]>> | undefined): EventMatch {
  const filters = Object.entries(where ?? {}).map(([path, expected]) => [path.split('.'), expected] as const);
  if (filters.length === 0) return (e) => e.type === type;
  const [only] = filters;
  if (filters.length === 1 && only![0].length === 1 && !Array.isArray(only![1])) {
    // The common `{ category: 'baby' }`: one plain key, one value.
    const path = only![0];
    const key = path[0]!;
    const expected = only![1] as Scalar;
    return (e) => {
      if (e.type !== type) return false;
      const v = (e.properties as Record<string, unknown>)[key];
      return v === expected || (Array.isArray(v) && anyValueAt(v, path, expected, 1));
    };
  }
  return (e) => {
    if (e.type !== type) return false;
    for (const [path, expected] of filters) if (!anyValueAt(e.properties, path, expected)) return false;
    return true;
  };
}
