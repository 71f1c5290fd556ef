// An order_completed event that reports points used as payment (pointsRedeemed,
// 积分抵现): the engine spends them in the same commit as the earn, earns on the
// cash paid only, and a refund gives them back to their original lots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoyaltyEngine, defineProgram, manualClock } from '../index.ts';

const DAY = 86_400_000;

function setup(returnWindowDays = 0) {
  const program = defineProgram({
    currency: 'CNY',
    returnWindowDays,
    expiry: { kind: 'days', days: 365 },
    tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }] },
  });
  const clock = manualClock('2026-04-01T00:00:00Z');
  const engine = createLoyaltyEngine({ program, clock });
  const order = (orderId: string, total: number, pointsRedeemed?: number, eventId = `e-${orderId}`) => ({
    id: eventId, type: 'order_completed', timestamp: clock.now(), userId: 'm', source: 'server',
    properties: { orderId, currency: 'CNY', total, ...(pointsRedeemed === undefined ? {} : { pointsRedeemed }), products: [{ productId: 'p', price: total, quantity: 1 }] },
  });
  const refund = (orderId: string, props: Record<string, unknown> = {}, id = `r-${orderId}-${clock.now()}`) => ({ id, type: 'order_refunded', timestamp: clock.now(), userId: 'm', source: 'server', properties: { orderId, currency: 'CNY', ...props } });
  return { clock, engine, order, refund };
}

describe('order paid partly with points (pointsRedeemed)', () => {
  it('redeems the points and earns on the cash total in one commit, oldest-expiring lots first', async () => {
    const { clock, engine, order } = setup();
    await engine.recordOrder(order('o1', 30_000)); // 300 points, lot L1, expires 2027-04-01
    clock.advance(10 * DAY);
    await engine.recordOrder(order('o2', 20_000)); // 200 points, lot L2, expires later
    // The memory store updates its record in place: keep the figures, not the object.
    const { version, entries } = { version: (await engine.member('m'))!.version, entries: (await engine.member('m'))!.entries.length };

    // ¥100 paid in cash, 400 points as a deduction.
    const r = await engine.recordOrder(order('o3', 10_000, 400));
    expect(r).toMatchObject({ points: 100, pointsRedeemed: 400, redeemed: [{ lotId: 'L1', points: 300 }, { lotId: 'L2', points: 100 }] });
    expect(r.balance.available).toBe(300 + 200 - 400 + 100);
    const after = (await engine.member('m'))!;
    expect(after.version).toBe(version + 1); // one atomic change
    const written = after.entries.slice(entries);
    expect(written.map((e) => [e.kind, e.lotId, e.points])).toEqual([
      ['redeem', 'L1', -300],
      ['redeem', 'L2', -100],
      ['earn', 'L3', 100],
    ]);
    expect(new Set(written.map((e) => e.operationId)).size).toBe(1);
    expect(after.orders.get('o3')?.redeemed).toEqual(r.redeemed);
    expect((await engine.verify('m')).ok).toBe(true);
  });

  it('never pays with the points the order itself earns, and refuses a short balance without writing anything', async () => {
    const { engine, order } = setup();
    await engine.recordOrder(order('o1', 5_000)); // 50 available
    const version = (await engine.member('m'))!.version;
    await expect(engine.recordOrder(order('o2', 100_000, 60))).rejects.toMatchObject({ code: 'insufficient_points', details: { balance: 50, requested: 60 } });
    const after = (await engine.member('m'))!;
    expect(after.version).toBe(version);
    expect(after.sourceKeys.has('order:o2')).toBe(false);
    // Corrected and redelivered under a new event id: it goes through.
    const ok = await engine.recordOrder(order('o2', 100_000, 50, 'e-o2-fixed'));
    expect(ok).toMatchObject({ pointsRedeemed: 50, points: 1_000, redeemed: [{ lotId: 'L1', points: 50 }] });
  });

  it('does not spend twice what the checkout already redeemed on the order, and rejects a different amount', async () => {
    const { engine, order } = setup();
    await engine.recordOrder(order('o1', 50_000)); // 500 available
    await engine.redeemPoints({ memberId: 'm', points: 200, orderId: 'o2', idempotencyKey: 'checkout-o2' });
    await expect(engine.recordOrder(order('o2', 10_000, 250))).rejects.toMatchObject({ code: 'points_policy_violation', field: 'properties.pointsRedeemed', details: { reported: 250, redeemed: 200 } });
    const r = await engine.recordOrder(order('o2', 10_000, 200, 'e-o2-again'));
    expect(r).toMatchObject({ pointsRedeemed: 200, redeemed: [{ lotId: 'L1', points: 200 }] });
    expect((await engine.balance('m')).available).toBe(500 - 200 + 100);
  });

  it('a replayed event changes nothing; a refund gives the points back to their original lots with their expiry', async () => {
    const { clock, engine, order, refund } = setup(7);
    await engine.recordOrder(order('o1', 40_000)); // 400 pending
    clock.advance(8 * DAY); // available now
    const first = await engine.recordOrder(order('o2', 30_000, 300));
    expect(await engine.recordOrder(order('o2', 30_000, 300))).toEqual(first);
    expect((await engine.balance('m')).available).toBe(100);

    const part = await engine.recordRefund(refund('o2', { total: 10_000 })); // one third
    expect(part).toMatchObject({ pointsRestored: 100, pointsReversed: 100 });
    const full = await engine.recordRefund(refund('o2', {}, 'r-rest'));
    expect(full).toMatchObject({ pointsRestored: 200, pointsReversed: 200, fullyRefunded: true });
    const explained = await engine.explainBalance('m');
    expect(explained.available).toBe(400);
    expect(explained.lots.map((l) => [l.lotId, l.points, l.expiresAt])).toEqual([['L1', 400, Date.parse('2027-04-01T00:00:00Z')]]);
    expect((await engine.verify('m')).ok).toBe(true);
  });

  it('points given back to a lot that has expired since expire again in the same command', async () => {
    const { clock, engine, order, refund } = setup();
    await engine.recordOrder(order('o1', 30_000)); // L1: 300, expires 2027-04-01
    clock.advance(10 * DAY);
    await engine.recordOrder(order('o2', 100, 300)); // pays all of L1
    clock.set('2027-06-01T00:00:00Z'); // L1 has expired
    const r = await engine.recordRefund(refund('o2'));
    expect(r).toMatchObject({ pointsRestored: 300, balance: { available: 0 } });
    const rec = (await engine.member('m'))!;
    const last = rec.entries.filter((e) => e.operationId === rec.entries.at(-1)?.operationId).map((e) => [e.kind, e.lotId, e.points]);
    expect(last).toContainEqual(['reverse', 'L1', 300]);
    expect(last).toContainEqual(['expire', 'L1', -300]);
    expect(rec.available).toBe(0); // the cached total, not only the read
    expect((await engine.verify('m')).ok).toBe(true);
  });

  it('property: paying with any affordable amount then refunding the whole order restores the balance exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 0, max: 2_000 }), async (earned, cash, want) => {
        const { engine, order, refund } = setup();
        if (earned > 0) await engine.recordOrder(order('o1', earned * 100));
        const before = await engine.balance('m');
        const spend = Math.min(want, before.available);
        const r = await engine.recordOrder(order('o2', cash, spend));
        expect(r.pointsRedeemed).toBe(spend);
        expect(r.points).toBe(Math.floor(cash / 100));
        expect(r.balance.available).toBe(before.available - spend + r.points);
        await engine.recordRefund(refund('o2'));
        expect((await engine.balance('m')).available).toBe(before.available);
        expect((await engine.verify('m')).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
