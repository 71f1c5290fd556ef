import { describe, expect, it } from 'vitest';
import { createLoyaltyEngine, defineProgram, manualClock, simulate } from '../index.ts';

const program = defineProgram({
  currency: 'CNY',
  returnWindowDays: 7,
  points: { actions: { birthday: { points: 100, maxPerYear: 1 } } },
  tiers: {
    metric: 'spend',
    levels: [
      { id: 'basic', name: '普通', threshold: 0 },
      { id: 'gold', name: '金卡', threshold: 100_000, benefits: { pointsMultiplier: 1.5, birthdayCouponTemplateId: 'bday' } },
    ],
  },
  coupons: [{ id: 'bday', name: '生日券', currency: 'CNY', benefit: { kind: 'fixed', amount: 2000 }, validity: { type: 'relative', validDays: 30 } }],
});
const order = (orderId: string, total: number, timestamp: string, source = 'server') => ({
  id: `e-${orderId}`, type: 'order_completed', timestamp, userId: 'm', source,
  properties: { orderId, currency: 'CNY', total, products: [{ productId: 'p', price: total, quantity: 1 }] },
});

describe('simulate', () => {
  it('previews points, tier and coupons on a copy and leaves the member untouched', async () => {
    const clock = manualClock('2026-01-01T00:00:00Z');
    const engine = createLoyaltyEngine({ program, clock });
    await engine.recordOrder(order('o1', 80_000, '2026-01-01T00:00:00Z'));
    const before = await engine.member('m');
    const snapshot = JSON.stringify({ entries: before?.entries, tier: before?.tier, v: before?.version, a: before?.available });

    const s = await simulate(program, before!, [
      order('o2', 30_000, '2026-01-20T00:00:00Z'),
      order('o3', 10_000, '2026-01-21T00:00:00Z', 'client'),
      { type: 'action', action: 'birthday', at: '2026-02-01T00:00:00Z' },
      { type: 'advance', at: '2026-03-01T00:00:00Z' },
    ]);
    expect(s.tier).toMatchObject({ before: 'basic', after: 'gold', valueBefore: 80_000, valueAfter: 110_000 });
    expect(s.tier.changes.map((c) => c.reason)).toEqual(['upgrade']);
    expect(s.points.before).toEqual({ available: 800, pending: 0 });
    // o2 earns 300 at basic (the upgrade comes with it), the birthday 100; all activated by March.
    expect(s.points.after).toEqual({ available: 1_200, pending: 0 });
    expect(s.coupons.issued).toEqual([expect.objectContaining({ templateId: 'bday', reason: 'birthday', template: expect.objectContaining({ name: '生日券' }) })]);
    expect(s.outcomes[1]).toMatchObject({ ok: false, code: 'untrusted_source' });

    const after = await engine.member('m');
    expect(JSON.stringify({ entries: after?.entries, tier: after?.tier, v: after?.version, a: after?.available })).toBe(snapshot);
  });

  it('works for a member with no history', async () => {
    const s = await simulate(program, 'new', [{ type: 'action', action: 'birthday', at: '2026-05-05T00:00:00Z' }]);
    expect(s.points.delta).toEqual({ available: 100, pending: 0 });
    expect(s.coupons.issued).toEqual([]);
  });
});
