import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { risingViews } from './risingViews.ts';

const day = 86_400_000;
const views = (productId: string, n: number, at: number) => Array.from({ length: n }, (_, i) => ({ customerId: `c${i}`, at, type: 'product_viewed', productId }));

describe('risingViews', () => {
  it('ranks products by smoothed growth of views, last window against the one before', () => {
    const events = [
      ...views('sunscreen', 40, 12 * day), ...views('sunscreen', 9, 5 * day),
      ...views('swimsuit', 20, 12 * day), // new: (20 + 1) / (0 + 1)
      ...views('scarf', 15, 12 * day), ...views('scarf', 30, 5 * day), // falling
      ...views('hat', 3, 12 * day), // too few to call
      ...views('umbrella', 50, 20 * day), // after asOf
    ];
    expect(risingViews(events, { asOf: 14 * day }).map((p) => [p.productId, p.views, p.previousViews, p.growth])).toEqual([
      ['swimsuit', 20, 0, 21],
      ['sunscreen', 40, 9, 4.1],
    ]);
  });

  it('rejects a missing asOf', () => {
    expect(() => risingViews([], {} as { asOf: number })).toThrow(MemberkitError);
  });
});
