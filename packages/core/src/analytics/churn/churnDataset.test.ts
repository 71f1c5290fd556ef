import { describe, expect, it } from 'vitest';
import { cdnowOrders } from '../../../test/fixtures/cdnow.ts';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { CHURN_FEATURES, churnDataset } from './churnDataset.ts';

const day = 86_400_000;

describe('churnDataset', () => {
  const orders = [
    { customerId: 'a', at: 30 * day, amount: 500 },
    { customerId: 'a', at: 0, amount: 1000 },
    { customerId: 'a', at: 10 * day, amount: 2000 },
    { customerId: 'a', at: 45 * day, amount: 700 }, // after asOf: a label, not a feature
    { customerId: 'b', at: 5 * day, amount: 300 },
    { customerId: 'c', at: 50 * day, amount: 300 }, // first order after asOf: not in the data set
  ];

  it('computes the features by hand-checkable formulas, whatever the input order', () => {
    const d = churnDataset(orders, { asOf: 40 * day, labelEnd: 60 * day, recentDays: 35 });
    expect(d.customerIds).toEqual(['a', 'b']);
    const a = Array.from(d.features.subarray(0, CHURN_FEATURES.length));
    expect(a).toEqual([
      Math.log1p(10),
      Math.log1p(3),
      Math.log1p(40),
      Math.log1p(3500 / 3 / 100),
      Math.log1p(2), // days 10 and 30 are within 35 days of day 40
      1,
      Math.log(11 / 16), // current gap 10 d vs mean gap 15 d
      Math.log(21 / 11), // last gap 20 d vs earlier mean 10 d
      Math.log(501 / 1501), // last order 500 vs earlier mean 1500
    ]);
    expect(Array.from(d.churned!)).toEqual([0, 1]);
    const reversed = churnDataset([...orders].reverse(), { asOf: 40 * day, labelEnd: 60 * day, recentDays: 35 });
    expect(reversed.features).toEqual(d.features);
  });

  it('adds engagement counts within their window', () => {
    const d = churnDataset(orders, {
      asOf: 40 * day,
      engagementTypes: ['product_viewed'],
      engagementDays: 7,
      engagement: [
        { customerId: 'b', at: 39 * day, type: 'product_viewed' },
        { customerId: 'b', at: 38 * day, type: 'product_viewed' },
        { customerId: 'b', at: 20 * day, type: 'product_viewed' }, // outside 7 days
        { customerId: 'b', at: 39 * day, type: 'signed_in' }, // not asked for
      ],
    });
    expect(d.featureNames.at(-1)).toBe('engagement:product_viewed');
    expect(d.features[2 * d.featureNames.length - 1]).toBeCloseTo(Math.log1p(2), 12);
    expect(d.churned).toBeUndefined();
  });

  it('labels the CDNOW sample: 2,357 customers, churned = no purchase 1997-10-01 … 1998-06-30', () => {
    const all = cdnowOrders();
    const d = churnDataset(all, { asOf: Date.UTC(1997, 8, 30), labelEnd: Date.UTC(1998, 5, 30) });
    expect(d.customerIds).toHaveLength(2357);
    const active = new Set(all.filter((o) => (o.at as number) > Date.UTC(1997, 8, 30)).map((o) => o.customerId));
    const churned = Array.from(d.churned!).reduce((s, v) => s + v, 0);
    expect(churned).toBe(2357 - active.size);
  });

  it('rejects negative amounts, bad times, mixed currencies and an empty history', () => {
    const bad = (o: object): MemberkitError => {
      try {
        churnDataset([o as never], { asOf: day });
      } catch (e) {
        if (e instanceof MemberkitError) return e;
      }
      throw new Error('expected a MemberkitError');
    };
    expect(bad({ customerId: 'a', at: 0, amount: -1 }).field).toBe('orders.0.amount');
    expect(bad({ customerId: 'a', at: Number.NaN, amount: 1 }).field).toBe('orders.0.at');
    expect(bad({ customerId: '', at: 0, amount: 1 }).field).toBe('orders.0.customerId');
    expect(() =>
      churnDataset(
        [
          { customerId: 'a', at: 0, amount: 1, currency: 'CNY' },
          { customerId: 'a', at: 0, amount: 1, currency: 'USD' },
        ],
        { asOf: day },
      ),
    ).toThrow(/USD/);
    expect(() => churnDataset([], { asOf: day })).toThrow(MemberkitError);
    expect(() => churnDataset(orders, { asOf: day, labelEnd: 0 })).toThrow(MemberkitError);
  });
});
