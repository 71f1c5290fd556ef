import { describe, expect, it } from 'vitest';
import { createLoyaltyEngine, defineProgram, manualClock, type LoyaltyProgramInput } from '../index.ts';

const DAY = 86_400_000;
const ladder = [
  { id: 'basic', name: '普通', threshold: 0 },
  { id: 'gold', name: '金卡', threshold: 100_000, benefits: { pointsMultiplier: 2, freeShipping: true, birthdayCouponTemplateId: 'bday' } },
];
const bday = { id: 'bday', name: '生日券', currency: 'CNY', benefit: { kind: 'fixed', amount: 2000 }, validity: { type: 'relative', validDays: 30 } } as const;

function setup(over: Partial<LoyaltyProgramInput> = {}) {
  const program = defineProgram({ currency: 'CNY', returnWindowDays: 7, tiers: { metric: 'spend', levels: ladder }, coupons: [bday], ...over });
  const clock = manualClock('2026-04-01T00:00:00Z');
  const engine = createLoyaltyEngine({ program, clock });
  const order = (orderId: string, total: number, extra: Record<string, unknown> = {}, eventId = `e-${orderId}`) => ({
    id: eventId, type: 'order_completed', timestamp: clock.now(), userId: 'm', source: 'server',
    properties: { orderId, currency: 'CNY', total, products: [{ productId: 'p', price: total, quantity: 1 }], ...extra },
  });
  const refund = (orderId: string, props: Record<string, unknown> = {}, id = `r-${orderId}-${clock.now()}`) => ({ id, type: 'order_refunded', timestamp: clock.now(), userId: 'm', source: 'server', properties: { orderId, currency: 'CNY', ...props } });
  return { program, clock, engine, order, refund };
}

describe('loyalty engine: trust and idempotency', () => {
  it('earns only from server order events in the program currency', async () => {
    const { engine, order } = setup();
    await expect(engine.recordOrder({ ...order('o1', 1000), source: 'client' })).rejects.toMatchObject({ code: 'untrusted_source', field: 'source' });
    await expect(engine.recordOrder({ ...order('o1', 1000), source: undefined })).rejects.toMatchObject({ code: 'untrusted_source' });
    await expect(engine.recordOrder({ ...order('o1', 1000), properties: { ...order('o1', 1000).properties, currency: 'USD' } })).rejects.toMatchObject({ code: 'currency_mismatch' });
    await expect(engine.recordOrder({ id: 'x', type: 'signed_in', timestamp: 0, userId: 'm', properties: {} })).rejects.toMatchObject({ code: 'invalid_event' });
    expect(await engine.member('m')).toBeUndefined();
  });

  it('a redelivered event replays; the same order under another event id or key is a duplicate', async () => {
    const { engine, order } = setup();
    const first = await engine.recordOrder(order('o1', 19_900));
    expect(await engine.recordOrder(order('o1', 19_900))).toEqual(first);
    await expect(engine.recordOrder(order('o1', 19_900, {}, 'e-other'))).rejects.toMatchObject({ code: 'duplicate_request' });
    await expect(engine.recordOrder(order('o1', 19_900), { idempotencyKey: 'fresh' })).rejects.toMatchObject({ code: 'duplicate_request' });
    expect((await engine.balance('m')).pending).toBe(199);
  });

  it('the same key with other parameters is an idempotency conflict and changes nothing', async () => {
    const { engine } = setup();
    await engine.adjustPoints({ memberId: 'm', points: 500, reason: 'welcome', idempotencyKey: 'adj-1' });
    const r = await engine.redeemPoints({ memberId: 'm', points: 100, idempotencyKey: 'k' });
    const version = (await engine.member('m'))?.version;
    await expect(engine.redeemPoints({ memberId: 'm', points: 101, idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'idempotency_conflict' });
    expect(await engine.redeemPoints({ memberId: 'm', points: 100, idempotencyKey: 'k' })).toEqual(r);
    expect((await engine.member('m'))?.version).toBe(version);
    await expect(engine.redeemPoints({ memberId: 'm', points: 1000, idempotencyKey: 'k2' })).rejects.toMatchObject({ code: 'insufficient_points', details: { balance: 400, requested: 1000 } });
    expect((await engine.member('m'))?.version).toBe(version);
    await expect(engine.redeemPoints({ memberId: 'm', points: 1.5, idempotencyKey: 'k3' })).rejects.toMatchObject({ code: 'invalid_input', field: 'points' });
  });
});

describe('loyalty engine: earning', () => {
  it('earns per ¥1 paid after discounts, excluding shipping, times the tier multiplier, pending until the return window passes', async () => {
    const { engine, order, clock } = setup();
    const r1 = await engine.recordOrder(order('o1', 120_000, { shipping: 1_000, discount: 5_000, products: [{ productId: 'a', price: 124_000, quantity: 1 }] }));
    expect(r1).toMatchObject({ points: 1_190, multiplier: 1, tierId: 'gold', balance: { available: 0, pending: 1_190 } });
    clock.advance(DAY);
    const r2 = await engine.recordOrder(order('o2', 10_050));
    expect(r2).toMatchObject({ points: 201, multiplier: 2 });
    clock.advance(6 * DAY - 1);
    expect((await engine.balance('m')).available).toBe(0);
    clock.advance(1);
    expect(await engine.balance('m')).toMatchObject({ available: 1_190, pending: 201 });
    expect((await engine.benefits('m')).freeShipping).toBe(true);
  });

  it('bonus actions earn once per ref with per-day and per-year caps; a birthday names the tier gift coupon', async () => {
    const { engine, clock } = setup({ points: { actions: { review: { points: 10, maxPerDay: 2 }, birthday: { points: 100, maxPerYear: 1 } } }, growth: { actions: { review: { value: 5, maxPerDay: 1 } } } });
    const reviews = [];
    for (const ref of ['r1', 'r2', 'r3']) reviews.push(await engine.recordAction({ memberId: 'm', action: 'review', ref, idempotencyKey: ref }));
    expect(reviews.map((r) => [r.points, r.growth])).toEqual([[10, 5], [10, 0], [0, 0]]);
    expect(reviews[2]?.cappedPoints).toBe(true);
    await expect(engine.recordAction({ memberId: 'm', action: 'review', ref: 'r1', idempotencyKey: 'again' })).rejects.toMatchObject({ code: 'duplicate_request' });
    clock.advance(DAY);
    expect((await engine.recordAction({ memberId: 'm', action: 'review', ref: 'r4', idempotencyKey: 'r4' })).points).toBe(10);
    const b = await engine.recordAction({ memberId: 'm', action: 'birthday', idempotencyKey: 'b' });
    expect(b).toMatchObject({ points: 100, couponTemplateIds: [] });
    await engine.overrideTier({ memberId: 'm', tierId: 'gold', reason: 'test', expiresAt: clock.now() + 30 * DAY, idempotencyKey: 'o' });
    await expect(engine.recordAction({ memberId: 'm', action: 'birthday', idempotencyKey: 'b2' })).rejects.toMatchObject({ code: 'duplicate_request' });
    const next = await engine.recordAction({ memberId: 'm', action: 'birthday', ref: 'gift-2026', idempotencyKey: 'b3' });
    expect(next).toMatchObject({ points: 0, cappedPoints: true, couponTemplateIds: ['bday'] });
  });
});

describe('loyalty engine: expiry and spending order', () => {
  it('spends lots closest to expiry first, never an expired or pending one, and explains expiries by day', async () => {
    const { engine, clock } = setup({ expiry: { kind: 'end_of_month', months: 1 } });
    await engine.adjustPoints({ memberId: 'm', points: 100, reason: 'april', idempotencyKey: 'a' }); // expires 1 June
    clock.set('2026-05-10T00:00:00Z');
    await engine.adjustPoints({ memberId: 'm', points: 50, reason: 'may', idempotencyKey: 'b' }); // expires 1 July
    const ex = await engine.explainBalance('m');
    expect(ex.expiring).toEqual([
      { date: '2026-05-31', expiresAt: Date.UTC(2026, 5, 1), points: 100, lotIds: ['L1'] },
      { date: '2026-06-30', expiresAt: Date.UTC(2026, 6, 1), points: 50, lotIds: ['L2'] },
    ]);
    const r = await engine.redeemPoints({ memberId: 'm', points: 120, idempotencyKey: 'r' });
    expect(r.allocations).toEqual([{ lotId: 'L1', points: 100 }, { lotId: 'L2', points: 20 }]);
    clock.set('2026-07-01T00:00:00Z');
    expect((await engine.balance('m')).available).toBe(0);
    await expect(engine.redeemPoints({ memberId: 'm', points: 1, idempotencyKey: 'r2' })).rejects.toMatchObject({ code: 'insufficient_points' });
    const settled = await engine.settle('m');
    expect(settled.entries).toBe(1);
    const rec = await engine.member('m');
    expect(rec?.entries.at(-1)).toMatchObject({ kind: 'expire', points: -30, at: Date.UTC(2026, 6, 1) });
  });

  it('balance read from the cache equals the settled ledger at any instant', async () => {
    const { engine, clock, order } = setup({ expiry: { kind: 'days', days: 20 } });
    await engine.recordOrder(order('o1', 50_000));
    await engine.adjustPoints({ memberId: 'm', points: 70, reason: 'x', idempotencyKey: 'a' });
    for (const days of [3, 5, 10, 15, 30]) {
      clock.set(Date.parse('2026-04-01T00:00:00Z') + days * DAY);
      const read = await engine.balance('m');
      await engine.settle('m');
      const rec = await engine.member('m');
      expect(read).toMatchObject({ available: rec?.available, pending: rec?.pending });
    }
  });
});

describe('loyalty engine: refunds', () => {
  it('rejects refunds beyond the order and for unknown orders', async () => {
    const { engine, order, refund } = setup();
    await expect(engine.recordRefund(refund('nope'))).rejects.toMatchObject({ code: 'order_not_found' });
    await engine.recordOrder(order('o1', 30_000, { products: [{ productId: 'a', price: 10_000, quantity: 3 }] }));
    await expect(engine.recordRefund(refund('o1', { products: [{ productId: 'a', quantity: 4 }] }))).rejects.toMatchObject({ code: 'refund_exceeds_order', field: 'properties.products.0.quantity' });
    await expect(engine.recordRefund(refund('o1', { total: 30_001 }))).rejects.toMatchObject({ code: 'refund_exceeds_order' });
    await engine.recordRefund(refund('o1', { products: [{ productId: 'a', quantity: 1 }] }, 'r1'));
    await engine.recordRefund(refund('o1', {}, 'r2'));
    await expect(engine.recordRefund(refund('o1', {}, 'r3'))).rejects.toMatchObject({ code: 'refund_exceeds_order' });
    expect(await engine.balance('m')).toMatchObject({ available: 0, pending: 0 });
    expect((await engine.growthTree('m')).value).toBe(0);
  });

  it('reverses at the original rate even after the rules changed', async () => {
    const { engine, order, refund, clock } = setup({ returnWindowDays: 0 });
    await engine.recordOrder(order('o1', 30_000));
    const changed = defineProgram({ currency: 'CNY', returnWindowDays: 0, points: { perCurrencyUnit: 5 }, tiers: { metric: 'spend', levels: ladder }, coupons: [bday] });
    const later = createLoyaltyEngine({ program: changed, clock, store: engine.store });
    const r = await later.recordRefund(refund('o1', { total: 10_000 }));
    expect(r).toMatchObject({ pointsReversed: 100, balance: { available: 200 } });
  });

  it('when earned points were spent: pending_only forgives, within_balance takes from other lots, allow_negative goes down to the floor', async () => {
    const results: Record<string, unknown> = {};
    for (const whenSpent of ['pending_only', 'within_balance', 'allow_negative'] as const) {
      const { engine, order, refund } = setup({ returnWindowDays: 0, refundPolicy: { whenSpent, negativeFloor: whenSpent === 'allow_negative' ? -150 : 0 } });
      await engine.recordOrder(order('o1', 50_000)); // 500 points, available at once
      await engine.adjustPoints({ memberId: 'm', points: 100, reason: 'bonus', idempotencyKey: 'b' });
      await engine.redeemPoints({ memberId: 'm', points: 550, idempotencyKey: 'spend' }); // o1 lot first (never expires, older)
      const r = await engine.recordRefund(refund('o1'));
      expect((await engine.verify('m')).ok).toBe(true);
      results[whenSpent] = [r.pointsReversed, r.pointsForgiven, r.balance.available];
    }
    expect(results).toEqual({
      pending_only: [0, 500, 50],
      within_balance: [50, 450, 0],
      allow_negative: [200, 300, -150],
    });
  });
});

describe('loyalty engine: batch and growth tree', () => {
  it('settleAll activates pending points for every member', async () => {
    const { engine, clock } = setup();
    for (const m of ['a', 'b', 'c']) {
      await engine.recordOrder({ id: `e-${m}`, type: 'order_completed', timestamp: clock.now(), userId: m, source: 'server', properties: { orderId: `o-${m}`, currency: 'CNY', total: 1_000, products: [{ productId: 'p', price: 1_000, quantity: 1 }] } });
    }
    clock.advance(8 * DAY);
    expect(await engine.settleAll()).toEqual({ members: 3, entries: 3 });
    expect((await engine.member('b'))?.available).toBe(10);
  });

  it('growthTree shows the next tier gap and what each tier unlocks', async () => {
    const { engine, order } = setup();
    await engine.recordOrder(order('o1', 40_000));
    const tree = await engine.growthTree('m');
    expect(tree).toMatchObject({ metric: 'spend', value: 40_000, tier: { id: 'basic' }, next: { id: 'gold', gap: 60_000 }, keep: null });
    expect(tree.levels.map((l) => [l.id, l.reached, l.benefits.pointsMultiplier])).toEqual([['basic', true, 1], ['gold', false, 2]]);
  });
});
