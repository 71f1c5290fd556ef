import { describe, expect, it } from 'vitest';
import { quickStart } from './loyalty/quickStart.ts';
import { partialRefundAfterRedemption } from './loyalty/partialRefundAfterRedemption.ts';
import { tierDowngradeWithGrace } from './loyalty/tierDowngradeWithGrace.ts';

describe('docs/loyalty.md worked examples', () => {
  it('quick start: sign-up bonus, an order pending through the return window, a redemption, the growth tree', async () => {
    const { earned, spent, balance, tree, benefits } = await quickStart();
    // ¥1,299 paid, ¥10 of it shipping: 1,289 points and growth; the order lifts growth to silver.
    expect(earned).toMatchObject({ points: 1_289, growth: 1_289, tierId: 'silver', balance: { available: 100, pending: 1_289 } });
    expect(spent.allocations).toEqual([{ lotId: 'L1', points: 100 }, { lotId: 'L2', points: 400 }]);
    expect(balance).toMatchObject({ available: 889, pending: 0 });
    expect(tree).toMatchObject({ value: 1_289, tier: { id: 'silver' }, next: { id: 'gold', gap: 3_711 }, keep: { threshold: 800, gap: 0 } });
    expect(benefits).toMatchObject({ tierId: 'silver', pointsMultiplier: 1.2, freeShipping: false });
  });

  it('partial refund after partial redemption: one third of the earned points reversed, one third of the spent points restored to their lot', async () => {
    const { redemption, order, refund, explained } = await partialRefundAfterRedemption();
    expect(redemption.allocations).toEqual([{ lotId: 'L1', points: 600 }]);
    expect(redemption.balance).toEqual({ available: 400, pending: 0 });
    expect(order.points).toBe(300);
    // The bib is ¥100 of the ¥300 paid: 300 / 3 = 100 earned points reversed (still pending),
    // 600 / 3 = 200 redeemed points back to lot L1, with that lot's expiry (end of 2027).
    expect(refund).toMatchObject({ pointsReversed: 100, pointsForgiven: 0, pointsRestored: 200, fullyRefunded: false, balance: { available: 600, pending: 200 } });
    expect(explained.lots).toEqual([expect.objectContaining({ lotId: 'L1', source: 'order:o1', points: 600, expiresAt: Date.parse('2028-01-01T00:00:00+08:00') })]);
    expect(explained.pendingLots).toEqual([expect.objectContaining({ lotId: 'L2', source: 'order:o2', points: 200, activatesAt: Date.parse('2026-03-16T10:00:00+08:00') })]);
    expect(explained.expiring).toEqual([{ date: '2027-12-31', expiresAt: Date.parse('2028-01-01T00:00:00+08:00'), points: 600, lotIds: ['L1'] }]);
  });

  it('tier downgrade with grace period: gold is kept through grace, then drops one tier to silver', async () => {
    const { upgraded, inGrace, afterGrace } = await tierDowngradeWithGrace();
    expect(upgraded.tierId).toBe('gold');
    expect(inGrace.tier.id).toBe('gold');
    expect(inGrace.keep).toEqual({ threshold: 300_000, value: 20_000, gap: 280_000, deadline: Date.parse('2028-02-01T00:00:00+08:00'), inGrace: true });
    expect(afterGrace.tier.id).toBe('silver');
    expect(afterGrace.history.map((h) => [h.reason, h.from, h.to, new Date(h.at).toISOString()])).toEqual([
      ['join', null, 'basic', '2026-03-01T04:00:00.000Z'],
      ['upgrade', 'basic', 'gold', '2026-03-01T04:00:00.000Z'],
      ['kept', 'gold', 'gold', '2026-12-31T16:00:00.000Z'],
      ['grace', 'gold', 'gold', '2027-12-31T16:00:00.000Z'],
      ['downgrade', 'gold', 'silver', '2028-01-31T16:00:00.000Z'],
    ]);
    // Silver is next checked at the end of 2028.
    expect(afterGrace.keep?.deadline).toBe(Date.parse('2029-01-01T00:00:00+08:00'));
  });
});
