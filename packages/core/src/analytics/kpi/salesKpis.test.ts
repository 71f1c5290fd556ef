import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnowOrders } from '../../../test/fixtures/cdnow.ts';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { salesKpis } from './salesKpis.ts';

describe('salesKpis', () => {
  it('on the CDNOW sample: 6,919 transactions, 2,357 customers, revenue and CDs summed from the file', () => {
    const orders = cdnowOrders();
    const k = salesKpis(orders);
    expect(k.orders).toBe(6919);
    expect(k.customers).toBe(2357);
    const cents = orders.reduce((s, o) => s + o.amount, 0);
    expect(k.revenue).toBe(cents);
    expect(k.aov).toBe(Math.round(cents / 6919));
    expect(k.unitsPerTransaction).toBeCloseTo(orders.reduce((s, o) => s + o.units!, 0) / 6919, 12);
    expect(k.channels).toEqual([{ channel: 'unknown', orders: 6919, revenue: cents, share: 1 }]);
  });

  it('channel shares sum to 1 and order counts add up, for any orders', () => {
    const order = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c'),
      at: fc.integer({ min: 0, max: 100 }),
      amount: fc.integer({ min: 0, max: 100_000 }),
      channel: fc.constantFrom('store', 'web', 'mini_program'),
      units: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 50 }), (orders) => {
        const k = salesKpis(orders);
        expect(k.channels.reduce((s, c) => s + c.orders, 0)).toBe(orders.length);
        if (k.revenue > 0) expect(k.channels.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
        expect(Number.isInteger(k.aov)).toBe(true);
      }),
    );
  });

  it('keeps only the window and rejects fractional money and mixed currencies', () => {
    const k = salesKpis(
      [
        { customerId: 'a', at: 5, amount: 100 },
        { customerId: 'b', at: 50, amount: 900 },
      ],
      { from: 0, to: 10 },
    );
    expect([k.orders, k.revenue]).toEqual([1, 100]);
    expect(() => salesKpis([{ customerId: 'a', at: 1, amount: 9.9 }])).toThrow(MemberkitError);
    expect(() => salesKpis([{ customerId: 'a', at: 1, amount: 1, currency: 'CNY' }, { customerId: 'a', at: 1, amount: 1, currency: 'JPY' }])).toThrow(/JPY/);
    expect(() => salesKpis([], { from: 0, to: 1 })).toThrow(MemberkitError);
  });
});
