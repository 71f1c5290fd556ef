import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { campaignRoi } from './campaignRoi.ts';

describe('campaignRoi', () => {
  const orders = [
    { customerId: 't1', at: 5, amount: 20_000 },
    { customerId: 't2', at: 5, amount: 10_000 },
    { customerId: 't3', at: 50, amount: 99_999 }, // outside the window
    { customerId: 'c1', at: 5, amount: 6_000 },
    { customerId: 'x', at: 5, amount: 50_000 }, // in neither group
  ];

  it('credits only the uplift over the control group, net of margin and cost', () => {
    const r = campaignRoi(orders, { cost: 2_000, treated: ['t1', 't2', 't3'], control: ['c1', 'c2'], window: { from: 0, to: 10 }, margin: 0.5 });
    // treated 30,000; control 6,000 over 2 customers = 3,000 each, × 3 treated = 9,000 baseline
    expect(r.incrementalRevenue).toBe(21_000);
    expect(r.roi).toBeCloseTo((21_000 * 0.5 - 2_000) / 2_000, 12);
  });

  it('without a control group counts all treated revenue (and says the campaign lost money when it did)', () => {
    const r = campaignRoi(orders, { cost: 100_000, treated: ['t1', 't2'], window: { from: 0, to: 10 } });
    expect(r.incrementalRevenue).toBe(30_000);
    expect(r.roi).toBeCloseTo(-0.7, 12);
  });

  it('rejects a customer in both groups, a zero cost and a fractional cost', () => {
    expect(() => campaignRoi(orders, { cost: 1, treated: ['t1'], control: ['t1'], window: {} })).toThrow(MemberkitError);
    expect(() => campaignRoi(orders, { cost: 0, treated: ['t1'], window: {} })).toThrow(MemberkitError);
    expect(() => campaignRoi(orders, { cost: 10.5, treated: ['t1'], window: {} })).toThrow(MemberkitError);
  });
});
