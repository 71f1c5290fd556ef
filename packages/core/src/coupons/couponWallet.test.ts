import { beforeEach, describe, expect, it } from 'vitest';
import { MemberkitError } from '../errors/memberkitError.ts';
import { manualClock, type ManualClock } from '../ports/clock.ts';
import { memoryCouponStore } from '../ports/memoryCouponStore.ts';
import type { CouponTemplateInput } from './couponTemplate.ts';
import { createCouponWallet, type CouponWallet } from './couponWallet.ts';

const DAY = 86_400_000;
const relative = { type: 'relative', validDays: 30 } as const;
const templates: CouponTemplateInput[] = [
  { id: 'save30', name: '满200减30', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000 }, validity: relative },
  { id: 'every200', name: '每满200减30', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000, stepped: true, maxDiscount: 9000 }, validity: relative },
  { id: 'pct85', name: '85折 最高减50', currency: 'CNY', benefit: { kind: 'percentage', payPercent: 85, maxDiscount: 5000 }, validity: relative },
  { id: 'ship', name: '包邮券', currency: 'CNY', benefit: { kind: 'free_shipping' }, validity: relative, stacking: { mode: 'stackable', group: 'shipping' } },
  { id: 'ship10', name: '运费券 最高10元', currency: 'CNY', benefit: { kind: 'free_shipping', maxDiscount: 1000 }, validity: relative, stacking: { mode: 'stackable', group: 'shipping' } },
  { id: 'shoes20', name: '鞋类立减20', currency: 'CNY', benefit: { kind: 'fixed', amount: 2000 }, scope: { categories: ['shoes'] }, validity: relative, stacking: { mode: 'stackable', group: 'product', maxPerOrder: 2 } },
  { id: 'off10', name: '全场9折', currency: 'CNY', benefit: { kind: 'percentage', offPercent: 10 }, validity: relative, stacking: { mode: 'stackable', group: 'order' } },
  { id: 'items3', name: '满3件减20', currency: 'CNY', benefit: { kind: 'threshold', threshold: { items: 3 }, discount: 2000 }, validity: relative },
  { id: 'gift', name: '满100送袜子', currency: 'CNY', benefit: { kind: 'gift', productId: 'socks' }, minSpend: 10000, validity: relative, stacking: { mode: 'stackable', group: 'gift' } },
  { id: 'later', name: '次日生效', currency: 'CNY', benefit: { kind: 'fixed', amount: 500 }, validity: { type: 'relative', startAfterDays: 1, validDays: 7 } },
  { id: 'limited', name: '限领2张', currency: 'CNY', benefit: { kind: 'fixed', amount: 500 }, limits: { perMember: 2, total: 3 }, validity: relative, stacking: { mode: 'stackable' } },
];

let clock: ManualClock;
let wallet: CouponWallet;
let n = 0;
const key = () => `k${++n}`;
const claim = async (templateId: string, memberId = 'm1') => (await wallet.claim({ key: key(), memberId, templateId })).code;
const order = (lines: { productId: string; price: number; quantity?: number; category?: string }[], shipping = 0) => ({
  memberId: 'm1',
  currency: 'CNY',
  shipping,
  lines: lines.map((l) => ({ quantity: 1, ...l })),
});
const fail = async (p: Promise<unknown>): Promise<MemberkitError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(MemberkitError);
    return e as MemberkitError;
  }
  throw new Error('expected a MemberkitError');
};

beforeEach(() => {
  clock = manualClock('2026-06-01T00:00:00Z');
  wallet = createCouponWallet({ store: memoryCouponStore(), clock, templates });
});

describe('worked examples', () => {
  it('满200减30: ¥230 pays ¥200, the ¥30 split 19.57 / 10.43 by line amount', async () => {
    const code = await claim('save30');
    const q = await wallet.quote(order([{ productId: 'a', price: 15000 }, { productId: 'b', price: 8000 }]), [code]);
    // 3000 × 15000 / 23000 = 1956.52, 3000 × 8000 / 23000 = 1043.48: the one
    // fen left over goes to the larger remainder (line a).
    expect(q.lines.map((l) => l.discount)).toEqual([1957, 1043]);
    expect(q.totalDiscount).toBe(3000);
    expect(q.total).toBe(20000);
  });

  it('满200减30 below the threshold says how much is needed', async () => {
    const code = await claim('save30');
    const q = await wallet.quote(order([{ productId: 'a', price: 19900 }]), [code]);
    expect(q.applied).toEqual([]);
    expect(q.rejected).toEqual([{ code, reason: 'min_spend_not_met', message: expect.any(String), details: { minSpend: 20000, currency: 'CNY', eligibleAmount: 19900 } }]);
  });

  it('每满200减30 repeats per ¥200 and stops at its ¥90 cap', async () => {
    const code = await claim('every200');
    const at = async (price: number) => (await wallet.quote(order([{ productId: 'a', price }]), [code])).totalDiscount;
    expect(await at(39999)).toBe(3000);
    expect(await at(65000)).toBe(9000);
    expect(await at(85000)).toBe(9000);
  });

  it('85折 capped at ¥50: 15% off, half up at the fen, at most ¥50', async () => {
    const code = await claim('pct85');
    const at = async (price: number) => (await wallet.quote(order([{ productId: 'a', price }]), [code])).totalDiscount;
    expect(await at(20000)).toBe(3000); // ¥200 → ¥30
    expect(await at(19990)).toBe(2999); // 2998.5 fen rounds half up
    expect(await at(50000)).toBe(5000); // ¥75 capped at ¥50
  });

  it('free shipping waives the fee, or up to its cap', async () => {
    const full = await claim('ship');
    const capped = await claim('ship10');
    const o = order([{ productId: 'a', price: 5000 }], 1200);
    expect((await wallet.quote(o, [full])).shippingDiscount).toBe(1200);
    const q = await wallet.quote(o, [capped]);
    expect([q.shippingDiscount, q.total]).toEqual([1000, 5200]);
    const none = await wallet.quote(order([{ productId: 'a', price: 5000 }]), [full]);
    expect(none.rejected[0]).toMatchObject({ reason: 'coupon_not_applicable', details: { reason: 'no_shipping_fee' } });
  });

  it('product-level coupons apply before order-level ones, whatever order the codes come in', async () => {
    const shoes = await claim('shoes20');
    const off10 = await claim('off10');
    const o = order([{ productId: 'boot', price: 30000, category: 'shoes' }, { productId: 'tee', price: 10000, category: 'tops' }]);
    const a = await wallet.quote(o, [off10, shoes]);
    const b = await wallet.quote(o, [shoes, off10]);
    // ¥20 off the boots first (400 → 380), then 10% of ¥380 = ¥38.
    expect(a.applied.map((x) => [x.code, x.discount])).toEqual([[shoes, 2000], [off10, 3800]]);
    expect(b.lines).toEqual(a.lines);
    expect(a.total).toBe(34200);
  });

  it('满3件减20 counts eligible pieces', async () => {
    const code = await claim('items3');
    expect((await wallet.quote(order([{ productId: 'a', price: 1000, quantity: 3 }]), [code])).totalDiscount).toBe(2000);
    const short = await wallet.quote(order([{ productId: 'a', price: 1000, quantity: 2 }]), [code]);
    expect(short.rejected[0]).toMatchObject({ reason: 'min_spend_not_met', details: { minItems: 3, eligibleItems: 2 } });
  });

  it('a gift coupon adds the product without touching amounts', async () => {
    const code = await claim('gift');
    const q = await wallet.quote(order([{ productId: 'a', price: 12000 }]), [code]);
    expect(q.gifts).toEqual([{ code, productId: 'socks', quantity: 1 }]);
    expect(q.totalDiscount).toBe(0);
  });
});

describe('stacking', () => {
  it('an exclusive coupon refuses company; the earlier code wins', async () => {
    const a = await claim('save30');
    const b = await claim('pct85');
    const q = await wallet.quote(order([{ productId: 'a', price: 30000 }]), [b, a]);
    expect(q.applied.map((x) => x.code)).toEqual([b]);
    expect(q.rejected).toEqual([{ code: a, reason: 'coupon_not_stackable', message: expect.any(String), details: { conflictsWith: [b], exclusive: true } }]);
  });

  it('a stackable group holds at most maxPerOrder coupons; other groups combine', async () => {
    const s1 = await claim('shoes20');
    const s2 = await claim('shoes20');
    const s3 = await claim('shoes20');
    const ship = await claim('ship');
    const q = await wallet.quote(order([{ productId: 'boot', price: 30000, category: 'shoes' }], 800), [s1, s2, s3, ship]);
    expect(q.applied.map((x) => x.code)).toEqual([s1, s2, ship]);
    expect(q.rejected).toMatchObject([{ code: s3, reason: 'coupon_not_stackable', details: { group: 'product', maxPerOrder: 2 } }]);
    expect(q.total).toBe(26000);
  });

  it('an inapplicable coupon does not block the others', async () => {
    const a = await claim('save30');
    const b = await claim('pct85');
    const q = await wallet.quote(order([{ productId: 'a', price: 10000 }]), [a, b]);
    expect(q.rejected.map((r) => r.reason)).toEqual(['min_spend_not_met']);
    expect(q.applied.map((x) => x.code)).toEqual([b]);
  });

  it('a repeated code is rejected, not applied twice', async () => {
    const a = await claim('shoes20');
    const q = await wallet.quote(order([{ productId: 'boot', price: 30000, category: 'shoes' }]), [a, a]);
    expect(q.totalDiscount).toBe(2000);
    expect(q.rejected.map((r) => r.reason)).toEqual(['duplicate_request']);
  });
});

describe('thresholds when coupons stack', () => {
  const stackable: CouponTemplateInput[] = [
    { id: 'a', name: '满200减30', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000 }, validity: relative, stacking: { mode: 'stackable', group: 'a' } },
    { id: 'b', name: '满200减50', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 5000 }, validity: relative, stacking: { mode: 'stackable', group: 'b' } },
  ];
  const run = async (thresholds: 'parallel' | 'sequential') => {
    const w = createCouponWallet({ store: memoryCouponStore(), clock, templates: stackable, thresholds });
    const a = (await w.claim({ key: 'a', memberId: 'm1', templateId: 'a' })).code;
    const b = (await w.claim({ key: 'b', memberId: 'm1', templateId: 'b' })).code;
    return w.quote(order([{ productId: 'x', price: 22000 }]), [a, b]);
  };

  it('parallel (default, like 平行满减): both thresholds are measured on ¥220 before coupons', async () => {
    const q = await run('parallel');
    expect([q.totalDiscount, q.rejected.length]).toEqual([8000, 0]);
  });

  it('a later coupon takes only what is still payable (Tmall 平行满减: 400−380 then 400−50 on ¥400 leaves ¥0)', async () => {
    const w = createCouponWallet({
      store: memoryCouponStore(),
      clock,
      templates: [
        { id: 'shop', name: '400-380', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 40000 }, discount: 38000 }, validity: relative, stacking: { mode: 'stackable', group: 'shop' } },
        { id: 'cross', name: '400-50', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 40000 }, discount: 5000 }, validity: relative, stacking: { mode: 'stackable', group: 'cross' } },
      ],
    });
    const a = (await w.claim({ key: 'a', memberId: 'm1', templateId: 'shop' })).code;
    const b = (await w.claim({ key: 'b', memberId: 'm1', templateId: 'cross' })).code;
    const q = await w.quote(order([{ productId: 'x', price: 40000 }]), [a, b]);
    expect(q.applied.map((x) => x.discount)).toEqual([38000, 2000]);
    expect(q.total).toBe(0);
  });

  it('sequential: after ¥30 off, ¥190 no longer meets the second ¥200 threshold', async () => {
    const q = await run('sequential');
    expect(q.totalDiscount).toBe(3000);
    expect(q.rejected).toMatchObject([{ reason: 'min_spend_not_met', details: { minSpend: 20000, eligibleAmount: 19000 } }]);
  });
});

describe('wallet states', () => {
  it('records why a coupon was issued (R-CPN-3)', async () => {
    const c = await wallet.issue({ key: 'winback-m1', memberId: 'm1', templateId: 'save30', source: { kind: 'lifecycle', ruleId: 'win_back_60d' } });
    expect(c.source).toEqual({ kind: 'lifecycle', ruleId: 'win_back_60d' });
    const claimed = await wallet.claim({ key: 'c1', memberId: 'm1', templateId: 'save30', channel: 'mini_program' });
    expect(claimed.source).toEqual({ kind: 'claim', channel: 'mini_program' });
  });

  it('not started, then usable, then expired', async () => {
    const code = await claim('later');
    const o = order([{ productId: 'a', price: 1000 }]);
    expect((await wallet.quote(o, [code])).rejected[0]?.reason).toBe('coupon_not_started');
    clock.advance(DAY);
    expect((await wallet.quote(o, [code])).totalDiscount).toBe(500);
    clock.advance(7 * DAY);
    expect((await wallet.quote(o, [code])).rejected[0]?.reason).toBe('coupon_expired');
    const swept = await wallet.expire({ key: 'sweep-1' });
    expect(swept.expired).toHaveLength(1);
    expect((await wallet.get(code))?.state).toBe('expired');
  });

  it('lock → redeem; a second redemption says coupon_used', async () => {
    const code = await claim('save30');
    const o = { ...order([{ productId: 'a', price: 25000 }]), orderId: 'o1' };
    await wallet.lock({ key: 'lock-o1', memberId: 'm1', orderId: 'o1', codes: [code] });
    const other = await wallet.quote({ ...o, orderId: 'o2' }, [code]);
    expect(other.rejected[0]?.reason).toBe('coupon_locked');
    const r = await wallet.redeem({ key: 'pay-o1', order: o, codes: [code] });
    expect(r.coupons[0]).toMatchObject({ state: 'used', redemption: { orderId: 'o1', discount: 3000, shippingDiscount: 0 } });
    const again = await fail(wallet.redeem({ key: 'pay-o2', order: { ...o, orderId: 'o2' }, codes: [code] }));
    expect(again.code).toBe('coupon_used');
  });

  it('a lock times out on the injected clock and the coupon is available again', async () => {
    const code = await claim('save30');
    await wallet.lock({ key: 'l1', memberId: 'm1', orderId: 'o1', codes: [code], ttlMs: 60_000 });
    expect((await fail(wallet.lock({ key: 'l2', memberId: 'm1', orderId: 'o2', codes: [code] }))).code).toBe('coupon_locked');
    clock.advance(60_000);
    const [locked] = await wallet.lock({ key: 'l3', memberId: 'm1', orderId: 'o2', codes: [code] });
    expect(locked?.lock?.orderId).toBe('o2');
  });

  it('lock is all or nothing', async () => {
    const a = await claim('save30');
    const b = await claim('pct85');
    await wallet.void({ key: 'v1', code: b, reason: 'issued by mistake' });
    const e = await fail(wallet.lock({ key: 'l1', memberId: 'm1', orderId: 'o1', codes: [a, b] }));
    expect([e.code, e.details['code']]).toEqual(['coupon_void', b]);
    expect((await wallet.get(a))?.state).toBe('available');
  });

  it('unlock releases; void is final', async () => {
    const a = await claim('save30');
    await wallet.lock({ key: 'l1', memberId: 'm1', orderId: 'o1', codes: [a] });
    const [released] = await wallet.unlock({ key: 'u1', memberId: 'm1', orderId: 'o1', codes: [a] });
    expect(released?.state).toBe('available');
    await wallet.void({ key: 'v1', code: a, reason: 'fraud' });
    expect((await fail(wallet.void({ key: 'v2', code: a, reason: 'again' }))).code).toBe('coupon_void');
  });

  it('list shows states as of now without writing', async () => {
    const a = await claim('save30');
    const b = await claim('later');
    await wallet.lock({ key: 'l1', memberId: 'm1', orderId: 'o1', codes: [a], ttlMs: 1_000 });
    expect((await wallet.list('m1')).map((c) => [c.code, c.state])).toEqual([[a, 'locked'], [b, 'available']]);
    clock.advance(8 * DAY + 1);
    expect((await wallet.list('m1')).map((c) => c.state)).toEqual(['available', 'expired']);
    expect((await wallet.get(b))?.state).toBe('available');
  });

  it('an order in another currency is refused with currency_mismatch', async () => {
    const a = await claim('save30');
    const q = await wallet.quote({ ...order([{ productId: 'a', price: 25000 }]), currency: 'USD' }, [a, 'NO-SUCH-CODE']);
    expect(q.rejected.map((r) => r.reason)).toEqual(['currency_mismatch', 'coupon_not_found']);
    expect(q.rejected[0]?.details).toEqual({ expected: 'CNY', actual: 'USD' });
  });

  it("another member's coupon is not found", async () => {
    const code = await claim('save30', 'm2');
    const q = await wallet.quote(order([{ productId: 'a', price: 25000 }]), [code]);
    expect(q.rejected[0]?.reason).toBe('coupon_not_found');
  });

  it('a failed redemption uses none of the coupons', async () => {
    const a = await claim('pct85');
    const b = await claim('save30');
    const o = { ...order([{ productId: 'a', price: 10000 }]), orderId: 'o1' };
    const e = await fail(wallet.redeem({ key: 'p1', order: o, codes: [a, b] }));
    // 85折 alone would apply, but 满200减30 does not: the redemption fails as a whole.
    expect(e.code).toBe('min_spend_not_met');
    expect(e.details['rejected']).toHaveLength(1);
    expect((await wallet.get(a))?.state).toBe('available');
  });
});

describe('limits and idempotency', () => {
  it('per-member and total issue limits', async () => {
    await claim('limited');
    await claim('limited');
    const e = await fail(wallet.claim({ key: 'x', memberId: 'm1', templateId: 'limited' }));
    expect([e.code, e.details]).toEqual(['coupon_limit_reached', { scope: 'member', limit: 2 }]);
    await claim('limited', 'm2');
    const t = await fail(wallet.claim({ key: 'y', memberId: 'm3', templateId: 'limited' }));
    expect(t.details).toEqual({ scope: 'total', limit: 3 });
  });

  it('a replayed call returns the first result and changes nothing', async () => {
    const first = await wallet.claim({ key: 'same', memberId: 'm1', templateId: 'limited' });
    const again = await wallet.claim({ key: 'same', memberId: 'm1', templateId: 'limited' });
    expect(again).toEqual(first);
    expect(await wallet.list('m1')).toHaveLength(1);
    const o = { ...order([{ productId: 'a', price: 1000 }]), orderId: 'o1' };
    const r1 = await wallet.redeem({ key: 'pay', order: o, codes: [first.code] });
    const r2 = await wallet.redeem({ key: 'pay', order: o, codes: [first.code] });
    expect(r2).toEqual(r1);
  });

  it('the same key with other parameters is an idempotency_conflict', async () => {
    await wallet.claim({ key: 'same', memberId: 'm1', templateId: 'limited' });
    const e = await fail(wallet.claim({ key: 'same', memberId: 'm2', templateId: 'limited' }));
    expect(e.code).toBe('idempotency_conflict');
  });

  it('a failed call can be retried with its key', async () => {
    const e = await fail(wallet.claim({ key: 'k', memberId: 'm1', templateId: 'nope' }));
    expect(e.code).toBe('not_found');
    await expect(wallet.claim({ key: 'k', memberId: 'm1', templateId: 'save30' })).resolves.toMatchObject({ templateId: 'save30' });
  });

  it('rejects bad input naming the field', async () => {
    const e = await fail(wallet.quote({ memberId: 'm1', currency: 'CNY', lines: [{ productId: 'a', price: 9.99, quantity: 1 }] }, []));
    expect([e.code, e.field]).toEqual(['invalid_input', 'lines.0.price']);
  });

  it('rejects invalid templates listing every problem', () => {
    expect(() =>
      createCouponWallet({
        store: memoryCouponStore(),
        templates: [{ id: 'bad', name: 'bad', currency: 'CNY', benefit: { kind: 'percentage', payPercent: 150, maxDiscount: -1 }, validity: relative }],
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_config', issues: [expect.objectContaining({ field: '0.benefit.payPercent' }), expect.objectContaining({ field: '0.benefit.maxDiscount' })] }));
  });
});
