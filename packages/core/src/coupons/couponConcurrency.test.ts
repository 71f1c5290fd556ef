import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemberkitError } from '../errors/memberkitError.ts';
import { manualClock } from '../ports/clock.ts';
import type { CouponStore } from '../ports/couponStore.ts';
import { memoryCouponStore } from '../ports/memoryCouponStore.ts';
import { createCouponWallet } from './couponWallet.ts';
import type { CouponTemplateInput } from './couponTemplate.ts';

/**
 * A store whose every call waits for the fast-check scheduler before it runs,
 * so the wallet's read → compare-and-set sequences of concurrent requests are
 * interleaved in every order the scheduler picks.
 */
function scheduledStore(store: CouponStore, s: fc.Scheduler): CouponStore {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(store) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = (...args: unknown[]) => s.schedule(Promise.resolve(name)).then(() => fn(...args));
  }
  return wrapped as unknown as CouponStore;
}

const relative = { type: 'relative', validDays: 30 } as const;
const templates: CouponTemplateInput[] = [
  { id: 'limited', name: '限量券', currency: 'CNY', benefit: { kind: 'fixed', amount: 500 }, validity: relative, limits: { perMember: 2, total: 5 } },
  { id: 'save30', name: '满200减30', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000 }, validity: relative, stacking: { mode: 'stackable', group: 'g', maxPerOrder: 3 } },
];
const order = (orderId: string) => ({ orderId, memberId: 'm1', currency: 'CNY', lines: [{ productId: 'p', price: 100_000, quantity: 1 }] });
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => {
      if (!(e instanceof MemberkitError)) throw e;
      return e.code;
    },
  );

describe('coupons under concurrency (fc.scheduler)', () => {
  it('a burst of claims never exceeds the per-member or total limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.constantFrom('m1', 'm2', 'm3', 'm4'), { minLength: 1, maxLength: 12 }), async (s, members) => {
        const store = memoryCouponStore();
        const wallet = createCouponWallet({ store: scheduledStore(store, s), clock: manualClock(0), templates });
        const runs = members.map((memberId, i) => outcome(wallet.claim({ key: `claim-${i}`, memberId, templateId: 'limited' })));
        const results = await s.waitFor(Promise.all(runs));
        for (const r of results) expect(['ok', 'coupon_limit_reached']).toContain(r);
        const perMember = new Map<string, number>();
        for (const m of members) perMember.set(m, (perMember.get(m) ?? 0) + 1);
        for (const [m] of perMember) expect(await store.countIssued('limited', m)).toBeLessThanOrEqual(2);
        // Claims only fail at a limit, so exactly min(total, Σ min(claims_m, perMember)) succeed.
        const capacity = Math.min(5, [...perMember.values()].reduce((a, c) => a + Math.min(c, 2), 0));
        expect(results.filter((r) => r === 'ok')).toHaveLength(capacity);
        expect(await store.countIssued('limited')).toBe(capacity);
      }),
      { numRuns: 300 },
    );
  });

  it('concurrent replays of one claim key issue one coupon; the others get it back or a retryable conflict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), async (s, n) => {
        const store = memoryCouponStore();
        const wallet = createCouponWallet({ store: scheduledStore(store, s), clock: manualClock(0), templates });
        const runs = Array.from({ length: n }, () => wallet.claim({ key: 'same', memberId: 'm1', templateId: 'limited' }).then((c) => c.id, (e: MemberkitError) => e.code));
        const results = await s.waitFor(Promise.all(runs));
        const ids = new Set(results.filter((r) => r !== 'conflict'));
        expect(ids.size).toBe(1);
        expect(await store.countIssued('limited', 'm1')).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it('a single-use coupon is redeemed at most once, whatever interleaving of redeem / lock / void', async () => {
    type Op = 'redeem' | 'lock' | 'void' | 'replay';
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.constantFrom<Op>('redeem', 'redeem', 'lock', 'void', 'replay'), { minLength: 2, maxLength: 8 }), async (s, ops) => {
        const store = memoryCouponStore();
        const setup = createCouponWallet({ store, clock: manualClock(0), templates });
        const { code } = await setup.claim({ key: 'c', memberId: 'm1', templateId: 'save30' });
        const wallet = createCouponWallet({ store: scheduledStore(store, s), clock: manualClock(0), templates });
        const runs = ops.map((op, i) => {
          if (op === 'redeem') return outcome(wallet.redeem({ key: `pay-${i}`, order: order(`o${i}`), codes: [code] }));
          if (op === 'replay') return outcome(wallet.redeem({ key: 'pay-same', order: order('o-same'), codes: [code] }));
          if (op === 'lock') return outcome(wallet.lock({ key: `lock-${i}`, memberId: 'm1', orderId: `o${i}`, codes: [code] }));
          return outcome(wallet.void({ key: `void-${i}`, code, reason: 'ops' }));
        });
        const results = await s.waitFor(Promise.all(runs));
        const redeemed = ops.flatMap((op, i) => (op === 'redeem' && results[i] === 'ok' ? [`o${i}`] : []));
        const replayed = ops.some((op, i) => op === 'replay' && results[i] === 'ok');
        const winners = redeemed.length + (replayed ? 1 : 0);
        expect(winners).toBeLessThanOrEqual(1);
        const final = await store.getCouponByCode(code);
        if (winners === 1) expect(final).toMatchObject({ state: 'used', redemption: { orderId: redeemed[0] ?? 'o-same' } });
        else expect(final?.state).not.toBe('used');
        for (const r of results) expect(['ok', 'coupon_used', 'coupon_locked', 'coupon_void', 'conflict']).toContain(r);
      }),
      { numRuns: 300 },
    );
  });

  it('overlapping multi-coupon redemptions: each coupon used once, a losing order keeps none', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const store = memoryCouponStore();
        const setup = createCouponWallet({ store, clock: manualClock(0), templates });
        const c = [];
        for (let i = 0; i < 3; i++) c.push((await setup.claim({ key: `c${i}`, memberId: 'm1', templateId: 'save30' })).code);
        const [c0, c1, c2] = c as [string, string, string];
        const wallet = createCouponWallet({ store: scheduledStore(store, s), clock: manualClock(0), templates });
        const a = outcome(wallet.redeem({ key: 'a', order: order('A'), codes: [c0, c1] }));
        const b = outcome(wallet.redeem({ key: 'b', order: order('B'), codes: [c1, c2] }));
        const [ra, rb] = await s.waitFor(Promise.all([a, b]));
        expect([ra, rb].filter((r) => r === 'ok').length).toBeLessThanOrEqual(1);
        const states = await Promise.all(c.map(async (code) => store.getCouponByCode(code)));
        const usedBy = states.map((x) => (x?.state === 'used' ? x.redemption?.orderId : undefined));
        expect(usedBy).toEqual([ra === 'ok' ? 'A' : undefined, ra === 'ok' ? 'A' : rb === 'ok' ? 'B' : undefined, rb === 'ok' ? 'B' : undefined]);
      }),
      { numRuns: 300 },
    );
  });
});
