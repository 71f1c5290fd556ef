import { MemberkitError } from '../../errors/memberkitError.ts';

/**
 * A product-level behaviour event in the canonical vocabulary: a view
 * (`product_viewed`), an add to cart (`product_added`) or an order
 * (`order_completed`, with every product bought in `productIds`).
 *
 * @example
 * ```ts
 * import type { ProductEventRecord } from '@memberkit/core';
 * const e: ProductEventRecord = { customerId: 'c1', at: Date.UTC(2026, 0, 1), type: 'product_added', productId: 'sku-42' };
 * ```
 */
export interface ProductEventRecord {
  readonly customerId: string;
  readonly at: number | Date;
  readonly type: string;
  readonly productId?: string;
  readonly productIds?: readonly string[];
}

/**
 * Validates one streamed product event and returns its time and products.
 *
 * @example
 * ```ts
 * import { readProductEvent } from './productEventRecord.ts';
 * readProductEvent({ customerId: 'c', at: 7, type: 'order_completed', productIds: ['a', 'b'] }, 0);
 * //=> { at: 7, products: ['a', 'b'] }
 * ```
 */
export function readProductEvent(e: ProductEventRecord, row: number): { at: number; products: readonly string[] } {
  const at = e.at instanceof Date ? e.at.getTime() : e.at;
  if (typeof e.customerId !== 'string' || typeof e.type !== 'string' || typeof at !== 'number' || !Number.isFinite(at)) {
    throw new MemberkitError('invalid_input', `event ${row} needs customerId, type and a finite time`, { field: `events.${row}` });
  }
  const products = e.productIds ?? (e.productId === undefined ? [] : [e.productId]);
  return { at, products };
}
