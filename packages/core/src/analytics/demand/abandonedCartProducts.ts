import { z } from 'zod';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { inWindow, type TimeWindow } from '../timeWindow.ts';
import { readProductEvent, type ProductEventRecord } from './productEventRecord.ts';

const SEP = '\u0000';

/**
 * A product customers put in their cart and did not buy.
 *
 * @example
 * ```ts
 * import type { AbandonedProduct } from '@memberkit/core';
 * const p: AbandonedProduct = { productId: 'sku-42', addedBy: 40, boughtBy: 10, abandonedBy: 30, abandonRate: 0.75 };
 * ```
 */
export interface AbandonedProduct {
  readonly productId: string;
  /** Customers who added it to the cart in the window. */
  readonly addedBy: number;
  /** Of those, customers who ordered it at or after their first add. */
  readonly boughtBy: number;
  readonly abandonedBy: number;
  readonly abandonRate: number;
}

/**
 * Demand signal (R-ANA-4): products added to carts but not bought. For each
 * (customer, product) with a `product_added` in the window, the pair counts
 * as bought when an `order_completed` containing the product follows the
 * first add (orders after the window count: the question is whether the add
 * ever converted). Input need not be sorted. Ranked by customers lost.
 *
 * @example
 * ```ts
 * import { abandonedCartProducts } from '@memberkit/core';
 * const events = [
 *   { customerId: 'a', at: 1, type: 'product_added', productId: 'stroller' },
 *   { customerId: 'b', at: 1, type: 'product_added', productId: 'stroller' },
 *   { customerId: 'b', at: 2, type: 'order_completed', productIds: ['stroller'] },
 * ];
 * abandonedCartProducts(events);
 * //=> [{ productId: 'stroller', addedBy: 2, boughtBy: 1, abandonedBy: 1, abandonRate: 0.5 }]
 * ```
 */
export function abandonedCartProducts(events: Iterable<ProductEventRecord>, options: { window?: TimeWindow; limit?: number } = {}): AbandonedProduct[] {
  const { limit } = parseOrThrow(z.object({ limit: z.number().int().min(1).optional() }), { limit: options.limit }, 'invalid_input', 'options');
  const inside = inWindow(options.window, 'window');
  const firstAdd = new Map<string, number>();
  const lastBuy = new Map<string, number>();
  let row = 0;
  for (const e of events) {
    const { at, products } = readProductEvent(e, row++);
    if (e.type === 'product_added' && inside(at)) {
      for (const p of products) {
        const k = e.customerId + SEP + p;
        const prev = firstAdd.get(k);
        if (prev === undefined || at < prev) firstAdd.set(k, at);
      }
    } else if (e.type === 'order_completed') {
      for (const p of products) {
        const k = e.customerId + SEP + p;
        const prev = lastBuy.get(k);
        if (prev === undefined || at > prev) lastBuy.set(k, at);
      }
    }
  }
  const byProduct = new Map<string, { added: number; bought: number }>();
  for (const [k, added] of firstAdd) {
    const product = k.slice(k.indexOf(SEP) + 1);
    const s = byProduct.get(product) ?? { added: 0, bought: 0 };
    s.added++;
    const bought = lastBuy.get(k);
    if (bought !== undefined && bought >= added) s.bought++;
    byProduct.set(product, s);
  }
  const rows = [...byProduct.entries()]
    .map(([productId, s]) => ({ productId, addedBy: s.added, boughtBy: s.bought, abandonedBy: s.added - s.bought, abandonRate: (s.added - s.bought) / s.added }))
    .filter((r) => r.abandonedBy > 0)
    .sort((x, y) => y.abandonedBy - x.abandonedBy || y.abandonRate - x.abandonRate || (x.productId < y.productId ? -1 : 1));
  return limit === undefined ? rows : rows.slice(0, limit);
}
