// Model-based tests (fc.commands): random sequences of orders (some paid
// partly with points on the event), refunds, redemptions, adjustments, check-ins, replays and time jumps, run against
// the engine and a deliberately small model (a list of lots with two
// numbers each). After every command the ledger must agree with itself
// (verifyLedger) and with the model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoyaltyEngine, defineProgram, isMemberkitError, manualClock, type LoyaltyEngine, type ManualClock } from '../index.ts';

const DAY = 86_400_000;
const WINDOW = 7 * DAY;
const EXPIRY = 30 * DAY;
type Policy = 'pending_only' | 'within_balance' | 'allow_negative';
const FLOOR = -300;

interface ModelLot { readonly idx: number; readonly earnedAt: number; readonly activatesAt: number | null; readonly expiresAt: number; available: number; pending: number }
interface ModelOrder { total: number; points: number; lot: ModelLot | null; refunded: number; settled: number; redeemed: { lot: ModelLot; points: number; restored: number }[] }
interface Model { now: number; policy: Policy; lots: ModelLot[]; debt: number; orders: Map<string, ModelOrder>; nextOrder: number; checkedIn: Set<string> }
interface Real { engine: LoyaltyEngine; clock: ManualClock; calls: { key: string; call: () => Promise<unknown>; result: unknown }[] }

const settle = (m: Model) => {
  for (const l of m.lots) {
    if (l.pending > 0 && l.activatesAt !== null && l.activatesAt <= m.now) {
      l.available += l.pending;
      l.pending = 0;
    }
    if (l.available > 0 && l.pending === 0 && l.expiresAt <= m.now) l.available = 0;
  }
};
const available = (m: Model) => m.lots.reduce((s, l) => s + l.available, m.debt);
const pending = (m: Model) => m.lots.reduce((s, l) => s + l.pending, 0);
const spendable = (m: Model, exclude?: ModelLot) => m.lots.filter((l) => l !== exclude && l.available > 0 && l.expiresAt > m.now).sort((a, b) => a.expiresAt - b.expiresAt || a.earnedAt - b.earnedAt);
const consume = (m: Model, points: number, exclude?: ModelLot) => {
  const taken: { lot: ModelLot; points: number }[] = [];
  for (const l of spendable(m, exclude)) {
    if (points === 0) break;
    const t = Math.min(points, l.available);
    l.available -= t;
    points -= t;
    taken.push({ lot: l, points: t });
  }
  return taken;
};
const newLot = (m: Model, l: Omit<ModelLot, 'idx'>) => {
  const lot = { ...l, idx: m.lots.length };
  m.lots.push(lot);
  return lot;
};
const floorFrac = (x: number, num: number, den: number) => Math.floor((x * num) / den);

async function step(m: Model, r: Real) {
  m.now += 60_000;
  r.clock.set(m.now);
  settle(m);
}

async function invariants(m: Model, r: Real) {
  const check = await r.engine.verify('m1');
  expect(check.problems).toEqual([]);
  const b = await r.engine.balance('m1');
  expect(b).toMatchObject({ available: available(m), pending: pending(m) });
  if (m.policy !== 'allow_negative') expect(b.available).toBeGreaterThanOrEqual(0);
  else expect(b.available).toBeGreaterThanOrEqual(FLOOR);
  const rec = await r.engine.member('m1');
  for (const e of rec?.entries ?? []) {
    if (e.kind !== 'redeem' && !(e.kind === 'adjust' && e.points < 0)) continue;
    const lot = rec?.lots.get(e.lotId);
    // A lot is never spent while pending or once expired.
    expect(lot?.activatesAt ?? 0).toBeLessThanOrEqual(e.at);
    expect(lot?.expiresAt ?? Infinity).toBeGreaterThan(e.at);
  }
}

async function record(r: Real, key: string, call: () => Promise<unknown>) {
  try {
    const result = await call();
    r.calls.push({ key, call, result });
    return result;
  } catch (err) {
    if (!isMemberkitError(err)) throw err;
    return err;
  }
}

class OrderCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly total: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    await step(m, r);
    const id = `o${m.nextOrder++}`;
    const points = Math.floor(this.total / 100);
    const lot = points > 0 ? newLot(m, { earnedAt: m.now, activatesAt: m.now + WINDOW, expiresAt: m.now + EXPIRY, available: 0, pending: points }) : null;
    m.orders.set(id, { total: this.total, points, lot, refunded: 0, settled: 0, redeemed: [] });
    const event = { id: `e-${id}`, type: 'order_completed', timestamp: m.now, userId: 'm1', source: 'server', properties: { orderId: id, currency: 'CNY', total: this.total, products: [{ productId: 'p', price: this.total, quantity: 1 }] } };
    const res = await record(r, `event:e-${id}`, () => r.engine.recordOrder(event));
    expect(res).toMatchObject({ points });
    await invariants(m, r);
  }
  toString = () => `Order(${this.total})`;
}

class RedeemCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly points: number, readonly onOrder: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    await step(m, r);
    const orderId = this.onOrder ? `o${m.nextOrder++}` : undefined;
    const key = `redeem-${m.now}`;
    const res = await record(r, key, () => r.engine.redeemPoints({ memberId: 'm1', points: this.points, idempotencyKey: key, ...(orderId ? { orderId } : {}) }));
    if (available(m) < this.points) {
      expect(isMemberkitError(res, 'insufficient_points')).toBe(true);
    } else {
      const taken = consume(m, this.points);
      expect((res as { allocations: unknown[] }).allocations).toHaveLength(taken.length);
      if (orderId) m.orders.set(orderId, { total: 0, points: 0, lot: null, refunded: 0, settled: 0, redeemed: taken.map((t) => ({ ...t, restored: 0 })) });
    }
    await invariants(m, r);
  }
  toString = () => `Redeem(${this.points}${this.onOrder ? ', order' : ''})`;
}

/** Completes an order that was paid partly with points earlier (the checkout flow). */
class CompletePaidOrderCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly total: number) {}
  check = (m: Readonly<Model>) => [...m.orders.values()].some((o) => o.total === 0 && o.redeemed.length > 0);
  async run(m: Model, r: Real) {
    await step(m, r);
    const [id, o] = [...m.orders.entries()].find(([, o]) => o.total === 0 && o.redeemed.length > 0) as [string, ModelOrder];
    o.total = this.total;
    o.points = Math.floor(this.total / 100);
    o.lot = o.points > 0 ? newLot(m, { earnedAt: m.now, activatesAt: m.now + WINDOW, expiresAt: m.now + EXPIRY, available: 0, pending: o.points }) : null;
    const event = { id: `e-${id}`, type: 'order_completed', timestamp: m.now, userId: 'm1', source: 'server', properties: { orderId: id, currency: 'CNY', total: this.total, products: [{ productId: 'p', price: this.total, quantity: 1 }] } };
    await record(r, `event:e-${id}`, () => r.engine.recordOrder(event));
    await invariants(m, r);
  }
  toString = () => `CompletePaidOrder(${this.total})`;
}

/** An order that reports points used as payment on the event itself (pointsRedeemed): spent with the earn, atomically. */
class OrderWithPointsCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly total: number, readonly points: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    await step(m, r);
    const id = `o${m.nextOrder++}`;
    const event = { id: `e-${id}`, type: 'order_completed', timestamp: m.now, userId: 'm1', source: 'server', properties: { orderId: id, currency: 'CNY', total: this.total, pointsRedeemed: this.points, products: [{ productId: 'p', price: this.total, quantity: 1 }] } };
    const res = await record(r, `event:e-${id}`, () => r.engine.recordOrder(event));
    if (available(m) < this.points) {
      // Refused whole: no points spent, no order recorded.
      expect(isMemberkitError(res, 'insufficient_points')).toBe(true);
    } else {
      // Spent before the order's own lot exists, closest expiry first; earned on the cash total.
      const taken = consume(m, this.points);
      const points = Math.floor(this.total / 100);
      const lot = points > 0 ? newLot(m, { earnedAt: m.now, activatesAt: m.now + WINDOW, expiresAt: m.now + EXPIRY, available: 0, pending: points }) : null;
      m.orders.set(id, { total: this.total, points, lot, refunded: 0, settled: 0, redeemed: taken.map((t) => ({ ...t, restored: 0 })) });
      expect(res).toMatchObject({ points, pointsRedeemed: this.points });
      expect((res as { redeemed: { points: number }[] }).redeemed.map((a) => a.points)).toEqual(taken.map((t) => t.points));
    }
    await invariants(m, r);
  }
  toString = () => `OrderWithPoints(${this.total}, ${this.points})`;
}

class RefundCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number, readonly share: number) {}
  check = (m: Readonly<Model>) => [...m.orders.values()].some((o) => o.total > 0 && o.refunded < o.total);
  async run(m: Model, r: Real) {
    await step(m, r);
    const open = [...m.orders.entries()].filter(([, o]) => o.total > 0 && o.refunded < o.total);
    const [id, o] = open[this.pick % open.length] as [string, ModelOrder];
    const amount = this.share >= 1 ? o.total - o.refunded : Math.max(1, Math.floor((o.total - o.refunded) * this.share));
    const before = { available: available(m), pending: pending(m) };
    o.refunded += amount;
    const full = o.refunded === o.total;
    let restored = 0;
    let lostToExpiry = 0;
    for (const a of o.redeemed) {
      const give = (full ? a.points : floorFrac(a.points, o.refunded, o.total)) - a.restored;
      a.restored += give;
      restored += give;
      // Points given back to a lot that has expired since are expired again at once.
      if (a.lot.expiresAt > m.now) a.lot.available += give;
      else lostToExpiry += give;
    }
    let owed = (full ? o.points : floorFrac(o.points, o.refunded, o.total)) - o.settled;
    const due = owed;
    if (o.lot) {
      const p = Math.min(owed, o.lot.pending);
      o.lot.pending -= p;
      owed -= p;
      const a = Math.min(owed, o.lot.available);
      o.lot.available -= a;
      owed -= a;
    }
    if (owed > 0 && m.policy !== 'pending_only') for (const t of consume(m, Math.min(owed, Math.max(0, available(m))), o.lot ?? undefined)) owed -= t.points;
    if (owed > 0 && m.policy === 'allow_negative') {
      const room = Math.min(owed, Math.max(0, available(m) - FLOOR));
      m.debt -= room;
      owed -= room;
    }
    o.settled += due;
    const event = { id: `rf-${m.now}`, type: 'order_refunded', timestamp: m.now, userId: 'm1', source: 'server', properties: { orderId: id, currency: 'CNY', ...(this.share >= 1 ? {} : { total: amount }) } };
    const res = (await record(r, `event:rf-${m.now}`, () => r.engine.recordRefund(event))) as { pointsReversed: number; pointsForgiven: number; pointsRestored: number };
    expect(res).toMatchObject({ pointsReversed: due - owed, pointsForgiven: owed, pointsRestored: restored });
    if (full) {
      // Refunding everything: all points paid with are back, all earned points are reversed or (per policy) forgiven.
      const order = (await r.engine.member('m1'))?.orders.get(id);
      expect((order?.pointsReversed ?? 0) + (order?.pointsForgiven ?? 0)).toBe(o.points);
      expect(order?.restored.reduce((s, x) => s + x.points, 0)).toBe(o.redeemed.reduce((s, x) => s + x.points, 0));
    }
    // The member's total moves by exactly: given back − lost to expiry − taken back.
    expect(available(m) + pending(m) - before.available - before.pending).toBe(restored - lostToExpiry - (due - owed));
    await invariants(m, r);
  }
  toString = () => `Refund(${this.pick}, ${this.share})`;
}

class AdjustCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly points: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    await step(m, r);
    const key = `adj-${m.now}`;
    const res = await record(r, key, () => r.engine.adjustPoints({ memberId: 'm1', points: this.points, reason: 'test', idempotencyKey: key }));
    if (this.points > 0) newLot(m, { earnedAt: m.now, activatesAt: null, expiresAt: m.now + EXPIRY, available: this.points, pending: 0 });
    else if (available(m) < -this.points) expect(isMemberkitError(res, 'insufficient_points')).toBe(true);
    else consume(m, -this.points);
    await invariants(m, r);
  }
  toString = () => `Adjust(${this.points})`;
}

class CheckInCmd implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    await step(m, r);
    const day = new Date(m.now).toISOString().slice(0, 10);
    const key = `ci-${m.now}`;
    const res = await record(r, key, () => r.engine.recordAction({ memberId: 'm1', action: 'check_in', idempotencyKey: key }));
    if (m.checkedIn.has(day)) expect(isMemberkitError(res, 'duplicate_request')).toBe(true);
    else {
      m.checkedIn.add(day);
      newLot(m, { earnedAt: m.now, activatesAt: null, expiresAt: m.now + EXPIRY, available: 5, pending: 0 });
    }
    await invariants(m, r);
  }
  toString = () => 'CheckIn';
}

class AdvanceCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += this.hours * 3_600_000;
    r.clock.set(m.now);
    settle(m);
    if (this.hours % 2 === 0) await r.engine.settle('m1');
    await invariants(m, r);
  }
  toString = () => `Advance(${this.hours}h)`;
}

class ReplayCmd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    if (r.calls.length === 0) return;
    const c = r.calls[this.pick % r.calls.length] as Real['calls'][number];
    const before = await r.engine.member('m1');
    const version = before?.version;
    const entries = before?.entries.length;
    // Replaying any call with its key returns the first result and changes nothing.
    expect(await c.call()).toEqual(c.result);
    const after = await r.engine.member('m1');
    expect(after?.version).toBe(version);
    expect(after?.entries.length).toBe(entries);
    await invariants(m, r);
  }
  toString = () => `Replay(${this.pick})`;
}

const refund = fc.tuple(fc.nat(), fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 0.95, noNaN: true }))).map(([p, s]) => new RefundCmd(p, s));
const paidOrder = fc.integer({ min: 100, max: 30_000 }).map((t) => new CompletePaidOrderCmd(t));
const commands = [
  fc.integer({ min: 50, max: 60_000 }).map((t) => new OrderCmd(t)),
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.boolean()).map(([p, o]) => new RedeemCmd(p, o)),
  paidOrder,
  paidOrder,
  fc.tuple(fc.integer({ min: 100, max: 30_000 }), fc.integer({ min: 1, max: 600 })).map(([t, p]) => new OrderWithPointsCmd(t, p)),
  refund,
  refund,
  fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: -200, max: -1 })).map((p) => new AdjustCmd(p)),
  fc.constant(new CheckInCmd()),
  fc.integer({ min: 1, max: 24 * 20 }).map((h) => new AdvanceCmd(h)),
  fc.nat().map((p) => new ReplayCmd(p)),
];

describe('points ledger against a model (fc.commands)', () => {
  it('keeps balance = ledger sum = lot remainders, spends only active lots, replays change nothing, refunds match the policy', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Policy>('pending_only', 'within_balance', 'allow_negative'), fc.commands(commands, { maxCommands: 40 }), async (policy, cmds) => {
        const start = Date.UTC(2026, 0, 1);
        const program = defineProgram({
          currency: 'CNY',
          returnWindowDays: 7,
          expiry: { kind: 'days', days: 30 },
          refundPolicy: { whenSpent: policy, negativeFloor: policy === 'allow_negative' ? FLOOR : 0 },
          points: { perCurrencyUnit: 1, actions: { check_in: { points: 5, maxPerDay: 1 } } },
          tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'silver', name: '银卡', threshold: 100_000, keep: 50_000 }] },
        });
        const clock = manualClock(start);
        const model: Model = { now: start, policy, lots: [], debt: 0, orders: new Map(), nextOrder: 1, checkedIn: new Set() };
        const engine = createLoyaltyEngine({ program, clock });
        // Start with spendable points so redemptions, paid orders and their refunds happen often.
        await engine.adjustPoints({ memberId: 'm1', points: 1000, reason: 'opening balance', idempotencyKey: 'seed' });
        newLot(model, { earnedAt: start, activatesAt: null, expiresAt: start + EXPIRY, available: 1000, pending: 0 });
        await fc.asyncModelRun(() => ({ model, real: { engine, clock, calls: [] } }), cmds);
      }),
      { numRuns: 1000 },
    );
  }, 600_000);
});
