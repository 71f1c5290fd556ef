import { z } from 'zod';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { readProductEvent, type ProductEventRecord } from './productEventRecord.ts';

const DAY = 86_400_000;

/**
 * A product whose views are rising.
 *
 * @example
 * ```ts
 * import type { RisingProduct } from '@memberkit/core';
 * const p: RisingProduct = { productId: 'sku-7', views: 120, previousViews: 30, growth: 3.9 };
 * ```
 */
export interface RisingProduct {
  readonly productId: string;
  /** `product_viewed` events in the last window. */
  readonly views: number;
  /** In the window before it, of the same length. */
  readonly previousViews: number;
  /** (views + 1) / (previousViews + 1): add-one smoothing, so a product new to the shelf is not infinitely rising. */
  readonly growth: number;
}

const optionsSchema = z.object({
  asOf: z.union([z.number().finite(), z.date()]),
  windowDays: z.number().positive().default(7),
  minViews: z.number().int().min(1).default(10),
  limit: z.number().int().min(1).default(20),
});

/**
 * Demand signal (R-ANA-4): products whose views in the last `windowDays`
 * before `asOf` grew most against the window before, among those with at
 * least `minViews` recent views (so two views after one is not a trend).
 * Only rising products (growth > 1) are returned, fastest first.
 *
 * @example
 * ```ts
 * import { risingViews } from '@memberkit/core';
 * const day = 86_400_000;
 * const views = (id: string, n: number, at: number) => Array.from({ length: n }, () => ({ customerId: 'x', at, type: 'product_viewed', productId: id }));
 * risingViews([...views('sunscreen', 30, 10 * day), ...views('sunscreen', 5, 4 * day), ...views('scarf', 12, 10 * day), ...views('scarf', 20, 4 * day)], { asOf: 14 * day }).map((p) => p.productId);
 * //=> ['sunscreen']
 * ```
 */
export function risingViews(
  events: Iterable<ProductEventRecord>,
  options: { asOf: number | Date; windowDays?: number; minViews?: number; limit?: number },
): RisingProduct[] {
  const opts = parseOrThrow(optionsSchema, options, 'invalid_input', 'rising views options');
  const end = +opts.asOf;
  const mid = end - opts.windowDays * DAY;
  const start = mid - opts.windowDays * DAY;
  const counts = new Map<string, [number, number]>();
  let row = 0;
  for (const e of events) {
    const { at, products } = readProductEvent(e, row++);
    if (e.type !== 'product_viewed' || at <= start || at > end) continue;
    const slot = at > mid ? 0 : 1;
    for (const p of products) {
      const c = counts.get(p) ?? [0, 0];
      c[slot]++;
      counts.set(p, c);
    }
  }
  return [...counts.entries()]
    .filter(([, c]) => c[0] >= opts.minViews && c[0] > c[1])
    .map(([productId, c]) => ({ productId, views: c[0], previousViews: c[1], growth: (c[0] + 1) / (c[1] + 1) }))
    .sort((x, y) => y.growth - x.growth || y.views - x.views || (x.productId < y.productId ? -1 : 1))
    .slice(0, opts.limit);
}
