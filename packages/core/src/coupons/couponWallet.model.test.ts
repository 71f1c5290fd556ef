import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../errors/memberkitError.ts';
import { manualClock, type ManualClock } from '../ports/clock.ts';
import type { CouponStore } from '../ports/couponStore.ts';
import { memoryCouponStore } from '../ports/memoryCouponStore.ts';
import type { CouponTemplateInput } from './couponTemplate.ts';
import { createCouponWallet, type CouponWallet } from './couponWallet.ts';
import { effectiveCouponState } from './couponValidity.ts';

// Model-based test: random sequences of wallet calls against a small model of
// what each coupon's state should be. The model re-states the rules in the
// plainest form (one record per coupon, one branch per state).

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);
const templates: CouponTemplateInput[] = [
  { id: 'fixed', name: '立减5元', currency: 'CNY', benefit: { kind: 'fixed', amount: 500 }, limits: { perMember: 2, total: 3 }, validity: { type: 'relative', validDays: 2 }, stacking: { mode: 'stackable' } },
  { id: 'pct', name: '88折 最高10元', currency: 'CNY', benefit: { kind: 'percentage', payPercent: 88, maxDiscount: 1000 }, validity: { type: 'relative', startAfterDays: 1, validDays: 2 } },
];
const DISCOUNT: Record<string, number> = { fixed: 500, pct: 1000 };
const LIMITS: Record<string, { perMember?: number; total?: number }> = { fixed: { perMember: 2, total: 3 }, pct: {} };
const WINDOW: Record<string, [number, number]> = { fixed: [0, 2 * DAY], pct: [DAY, 3 * DAY] };
const MEMBERS = ['m1', 'm2'];
const ORDERS = ['o1', 'o2', 'o3'];

interface ModelCoupon {
  code: string;
  memberId: string;
  templateId: string;
  startsAt: number;
  endsAt: number;
  state: 'available' | 'locked' | 'used' | 'expired' | 'void';
  lock?: { orderId: string; expiresAt: number };
  usedBy?: string;
}
interface Model {
  coupons: ModelCoupon[];
  history: { call: (w: CouponWallet) => Promise<unknown>; result: unknown }[];
}
interface Real {
  wallet: CouponWallet;
  store: CouponStore;
  clock: ManualClock;
  keys: number;
}

/** The model's own reading of time: a live lock holds; otherwise past `endsAt` is expired. */
function effective(c: ModelCoupon, now: number): ModelCoupon['state'] {
  if (c.state === 'locked' && c.lock !== undefined && now < c.lock.expiresAt) return 'locked';
  if (c.state === 'locked' || c.state === 'available') return now >= c.endsAt ? 'expired' : 'available';
  return c.state;
}
/** Why the model says a coupon cannot be locked / redeemed by `orderId` now, or undefined. */
function blocker(c: ModelCoupon, orderId: string, now: number): string | undefined {
  const s = effective(c, now);
  if (s === 'used') return 'coupon_used';
  if (s === 'void') return 'coupon_void';
  if (s === 'expired') return 'coupon_expired';
  if (s === 'locked' && c.lock?.orderId !== orderId) return 'coupon_locked';
  if (now < c.startsAt) return 'coupon_not_started';
  return undefined;
}
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => {
      if (!(e instanceof MemberkitError)) throw e;
      return { ok: false as const, code: e.code };
    },
  );
const order = (orderId: string, memberId: string) => ({ orderId, memberId, currency: 'CNY', lines: [{ productId: 'p', price: 10_000, quantity: 1 }] });

async function checkInvariants(m: Model, r: Real): Promise<void> {
  const now = r.clock.now();
  for (const c of m.coupons) {
    const stored = await r.store.getCouponByCode(c.code);
    expect(stored && effectiveCouponState(stored, now), c.code).toBe(effective(c, now));
    if (c.usedBy !== undefined) expect(stored?.redemption?.orderId).toBe(c.usedBy);
    if (stored?.redemption) expect(stored.redemption.discount).toBeLessThanOrEqual(10_000);
  }
  for (const t of ['fixed', 'pct']) {
    const total = await r.store.countIssued(t);
    expect(total).toBe(m.coupons.filter((c) => c.templateId === t).length);
    if (LIMITS[t]?.total !== undefined) expect(total).toBeLessThanOrEqual(LIMITS[t].total as number);
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;
const record = (m: Model, call: (w: CouponWallet) => Promise<unknown>, result: unknown) => m.history.push({ call, result });

class Claim implements Cmd {
  constructor(readonly memberId: string, readonly templateId: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const input = { key: `k${++r.keys}`, memberId: this.memberId, templateId: this.templateId };
    const out = await codeOf(r.wallet.claim(input));
    const mine = m.coupons.filter((c) => c.templateId === this.templateId && c.memberId === this.memberId).length;
    const all = m.coupons.filter((c) => c.templateId === this.templateId).length;
    const l = LIMITS[this.templateId] ?? {};
    const full = (l.perMember !== undefined && mine >= l.perMember) || (l.total !== undefined && all >= l.total);
    if (full) return void expect(out).toEqual({ ok: false, code: 'coupon_limit_reached' });
    expect(out.ok).toBe(true);
    const c = (out as { v: { code: string; startsAt: number; endsAt: number } }).v;
    const [s, e] = WINDOW[this.templateId] ?? [0, 0];
    expect([c.startsAt, c.endsAt]).toEqual([r.clock.now() + s, r.clock.now() + e]);
    m.coupons.push({ code: c.code, memberId: this.memberId, templateId: this.templateId, startsAt: c.startsAt, endsAt: c.endsAt, state: 'available' });
    record(m, (w) => w.claim(input), c);
  }
  toString = () => `claim(${this.memberId}, ${this.templateId})`;
}

abstract class OnCoupon implements Cmd {
  constructor(readonly pick: number, readonly orderId: string) {}
  check = (m: Readonly<Model>) => m.coupons.length > 0;
  coupon = (m: Model) => m.coupons[this.pick % m.coupons.length] as ModelCoupon;
  abstract run(m: Model, r: Real): Promise<void>;
}

class Lock extends OnCoupon {
  async run(m: Model, r: Real) {
    const c = this.coupon(m);
    const now = r.clock.now();
    const input = { key: `k${++r.keys}`, memberId: c.memberId, orderId: this.orderId, codes: [c.code], ttlMs: 3_600_000 };
    const out = await codeOf(r.wallet.lock(input));
    const why = blocker(c, this.orderId, now);
    if (why) return void expect(out).toEqual({ ok: false, code: why });
    expect(out.ok).toBe(true);
    c.state = 'locked';
    c.lock = { orderId: this.orderId, expiresAt: now + 3_600_000 };
    record(m, (w) => w.lock(input), (out as { v: unknown }).v);
  }
  override toString = () => `lock(#${this.pick}, ${this.orderId})`;
}

class Unlock extends OnCoupon {
  async run(m: Model, r: Real) {
    const c = this.coupon(m);
    const now = r.clock.now();
    const s = effective(c, now);
    const out = await codeOf(r.wallet.unlock({ key: `k${++r.keys}`, memberId: c.memberId, orderId: this.orderId, codes: [c.code] }));
    if (s === 'available' || s === 'expired') return void expect(out.ok).toBe(true);
    if (s === 'locked' && c.lock?.orderId === this.orderId) {
      expect(out.ok).toBe(true);
      c.state = 'available';
      delete c.lock;
      return;
    }
    expect(out).toEqual({ ok: false, code: s === 'locked' ? 'coupon_locked' : s === 'used' ? 'coupon_used' : 'coupon_void' });
  }
  override toString = () => `unlock(#${this.pick}, ${this.orderId})`;
}

class Redeem extends OnCoupon {
  constructor(pick: number, orderId: string, readonly wrongMember: boolean) {
    super(pick, orderId);
  }
  async run(m: Model, r: Real) {
    const c = this.coupon(m);
    const now = r.clock.now();
    const memberId = this.wrongMember ? MEMBERS.find((x) => x !== c.memberId) ?? 'mx' : c.memberId;
    const input = { key: `k${++r.keys}`, order: order(this.orderId, memberId), codes: [c.code] };
    const out = await codeOf(r.wallet.redeem(input));
    const why = this.wrongMember ? 'coupon_not_found' : blocker(c, this.orderId, now);
    if (why) return void expect(out).toEqual({ ok: false, code: why });
    expect(out.ok).toBe(true);
    const result = (out as { v: { quote: { totalDiscount: number } } }).v;
    expect(result.quote.totalDiscount).toBe(DISCOUNT[c.templateId]);
    c.state = 'used';
    c.usedBy = this.orderId;
    delete c.lock;
    record(m, (w) => w.redeem(input), result);
  }
  override toString = () => `redeem(#${this.pick}, ${this.orderId}${this.wrongMember ? ', wrong member' : ''})`;
}

class Void extends OnCoupon {
  async run(m: Model, r: Real) {
    const c = this.coupon(m);
    const s = effective(c, r.clock.now());
    const out = await codeOf(r.wallet.void({ key: `k${++r.keys}`, code: c.code, reason: 'model' }));
    if (s === 'available' || s === 'locked') {
      expect(out.ok).toBe(true);
      c.state = 'void';
      delete c.lock;
    } else expect(out).toEqual({ ok: false, code: `coupon_${s}` });
  }
  override toString = () => `void(#${this.pick})`;
}

class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    r.clock.advance(this.ms);
  }
  toString = () => `advance(${this.ms})`;
}

class Expire implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const now = r.clock.now();
    const out = await r.wallet.expire({ key: `k${++r.keys}` });
    const due = m.coupons.filter((c) => (c.state === 'available' || c.state === 'locked') && effective(c, now) === 'expired');
    expect(out.expired.length).toBe(due.length);
    for (const c of due) {
      c.state = 'expired';
      delete c.lock;
    }
  }
  toString = () => 'expire()';
}

class Replay implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.history.length > 0;
  async run(m: Model, r: Real) {
    const h = m.history[this.pick % m.history.length] as Model['history'][number];
    const before = await Promise.all(m.coupons.map((c) => r.store.getCouponByCode(c.code)));
    expect(await h.call(r.wallet)).toEqual(h.result);
    const after = await Promise.all(m.coupons.map((c) => r.store.getCouponByCode(c.code)));
    expect(after).toEqual(before);
  }
  toString = () => `replay(#${this.pick})`;
}

/** Runs a command, then checks the invariants against the model after it. */
class Checked implements Cmd {
  constructor(readonly inner: Cmd) {}
  check = (m: Readonly<Model>) => this.inner.check(m);
  async run(m: Model, r: Real) {
    await this.inner.run(m, r);
    await checkInvariants(m, r);
  }
  toString = () => this.inner.toString();
}

describe('coupon wallet against a model (fc.commands)', () => {
  it('states, limits, single redemption and replays agree with the model over random call sequences', async () => {
    const pick = fc.nat(20);
    const orderId = fc.constantFrom(...ORDERS);
    const commands = [
      fc.tuple(fc.constantFrom(...MEMBERS), fc.constantFrom('fixed', 'pct')).map(([mm, t]) => new Claim(mm, t)),
      fc.tuple(pick, orderId).map(([p, o]) => new Lock(p, o)),
      fc.tuple(pick, orderId).map(([p, o]) => new Unlock(p, o)),
      fc.tuple(pick, orderId, fc.boolean()).map(([p, o, w]) => new Redeem(p, o, w)),
      pick.map((p) => new Void(p, 'o1')),
      fc.constantFrom(1_800_000, 3_600_000, DAY / 2, DAY).map((ms) => new Advance(ms)),
      fc.constant(new Expire()),
      pick.map((p) => new Replay(p)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands.map((a) => a.map((c) => new Checked(c))), { maxCommands: 40 }), async (cmds) => {
        const store = memoryCouponStore();
        const clock = manualClock(T0);
        const real: Real = { wallet: createCouponWallet({ store, clock, templates }), store, clock, keys: 0 };
        const model: Model = { coupons: [], history: [] };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 1000 },
    );
  });
});
