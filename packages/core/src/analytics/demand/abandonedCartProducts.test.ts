import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { abandonedCartProducts } from './abandonedCartProducts.ts';

describe('abandonedCartProducts', () => {
  it('counts customers who added and never bought afterwards, in any input order', () => {
    const events = [
      { customerId: 'a', at: 10, type: 'product_added', productId: 'stroller' },
      { customerId: 'a', at: 5, type: 'order_completed', productIds: ['stroller'] }, // bought before adding: still abandoned
      { customerId: 'b', at: 10, type: 'product_added', productId: 'stroller' },
      { customerId: 'b', at: 12, type: 'order_completed', productIds: ['diapers', 'stroller'] },
      { customerId: 'c', at: 10, type: 'product_added', productId: 'diapers' },
      { customerId: 'c', at: 11, type: 'product_added', productId: 'diapers' }, // the same customer once
      { customerId: 'd', at: 10, type: 'product_viewed', productId: 'crib' },
    ];
    const expected = [
      { productId: 'diapers', addedBy: 1, boughtBy: 0, abandonedBy: 1, abandonRate: 1 },
      { productId: 'stroller', addedBy: 2, boughtBy: 1, abandonedBy: 1, abandonRate: 0.5 },
    ];
    expect(abandonedCartProducts(events)).toEqual(expected);
    expect(abandonedCartProducts([...events].reverse())).toEqual(expected);
  });

  it('only looks at adds inside the window', () => {
    expect(abandonedCartProducts([{ customerId: 'a', at: 100, type: 'product_added', productId: 'x' }], { window: { to: 50 } })).toEqual([]);
  });

  it('rejects an event without a time', () => {
    expect(() => abandonedCartProducts([{ customerId: 'a', at: Number.NaN, type: 'product_added', productId: 'x' }])).toThrow(MemberkitError);
  });
});
