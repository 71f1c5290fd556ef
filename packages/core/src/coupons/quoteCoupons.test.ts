import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { couponTemplateSchema, type CouponTemplate, type CouponTemplateInput } from './couponTemplate.ts';
import { isLineEligible } from './isLineEligible.ts';
import { quoteCoupons, type QuoteCandidate } from './quoteCoupons.ts';
import type { CouponOrder } from './couponOrder.ts';
import type { WalletCoupon } from './walletCoupon.ts';

const products = ['p1', 'p2', 'p3', 'p4'];
const categories = ['shoes', 'tops', 'food'];
const money = (max: number) => fc.integer({ min: 1, max });

const scopeArb = fc.record(
  {
    products: fc.subarray(products, { minLength: 1 }),
    categories: fc.subarray(categories, { minLength: 1 }),
    excludeProducts: fc.subarray(products, { minLength: 1 }),
  },
  { requiredKeys: [] },
);
const benefitArb: fc.Arbitrary<CouponTemplateInput['benefit']> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), amount: money(50_000) }),
  fc.record({ kind: fc.constant('percentage' as const), payPercent: fc.integer({ min: 0, max: 99 }), maxDiscount: money(20_000) }, { requiredKeys: ['kind', 'payPercent'] }),
  fc.record({ kind: fc.constant('percentage' as const), offPercent: fc.integer({ min: 1, max: 10_000 }).map((x) => x / 100) }),
  fc
    .record({ kind: fc.constant('threshold' as const), amount: money(60_000), discount: money(60_000), stepped: fc.boolean() })
    .map(({ amount, discount, stepped, kind }) => ({ kind, threshold: { amount }, discount: Math.min(discount, amount), stepped })),
  fc.record({ kind: fc.constant('threshold' as const), threshold: fc.record({ items: fc.integer({ min: 1, max: 5 }) }), discount: money(10_000), stepped: fc.boolean() }),
  fc.record({ kind: fc.constant('free_shipping' as const), maxDiscount: money(2_000) }, { requiredKeys: ['kind'] }),
);
const stackingArb = fc.oneof(
  fc.constant({ mode: 'exclusive' as const }),
  fc.record({ mode: fc.constant('stackable' as const), group: fc.constantFrom('a', 'b'), maxPerOrder: fc.integer({ min: 1, max: 3 }) }),
);

const templateArb: fc.Arbitrary<CouponTemplate> = fc
  .record({ benefit: benefitArb, scope: scopeArb, stacking: stackingArb, priority: fc.integer({ min: -2, max: 2 }) })
  .filter((t) => !(t.scope.products ?? []).some((p) => (t.scope.excludeProducts ?? []).includes(p)))
  .map((t) => couponTemplateSchema.parse({ id: 't', name: 't', currency: 'CNY', validity: { type: 'relative', validDays: 10 }, ...t }));

const orderArb: fc.Arbitrary<CouponOrder> = fc.record({
  memberId: fc.constant('m1'),
  currency: fc.constant('CNY'),
  shipping: fc.integer({ min: 0, max: 2_000 }),
  lines: fc.array(
    fc
      .record({ productId: fc.constantFrom(...products), category: fc.constantFrom(...categories), price: fc.integer({ min: 0, max: 100_000 }), quantity: fc.integer({ min: 1, max: 4 }), off: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ off, ...l }) => ({ ...l, discount: Math.floor(l.price * l.quantity * off * 0.5) })),
    { minLength: 1, maxLength: 6 },
  ),
});

const walletCoupon = (template: CouponTemplate, i: number): WalletCoupon => ({
  id: `c${i}`,
  code: `C${i}`,
  memberId: 'm1',
  templateId: `t${i}`,
  template,
  source: { kind: 'claim' },
  issuedAt: 0,
  startsAt: 0,
  endsAt: 1_000,
  state: 'available',
  version: 1,
  updatedAt: 0,
});

describe('quoteCoupons properties', () => {
  it('never exceeds the eligible amount, line shares sum exactly, no negative line, each code answered once', () => {
    fc.assert(
      fc.property(orderArb, fc.array(templateArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('parallel' as const, 'sequential' as const), (order, templates, mode) => {
        const candidates: QuoteCandidate[] = templates.map((t, i) => ({ code: `C${i}`, coupon: walletCoupon(t, i) }));
        const q = quoteCoupons(order, candidates, 10, { thresholds: mode });
        const base = order.lines.map((l) => l.price * l.quantity - (l.discount ?? 0));
        for (const a of q.applied) {
          const t = templates[Number(a.code.slice(1))] as CouponTemplate;
          const eligible = order.lines.reduce((s, l, i) => s + (isLineEligible(t.scope, l) ? (base[i] ?? 0) : 0), 0);
          expect(a.discount).toBeGreaterThanOrEqual(0);
          expect(a.discount).toBeLessThanOrEqual(eligible);
          expect(a.lines.reduce((s, l) => s + l.discount, 0)).toBe(a.discount);
          for (const l of a.lines) expect(isLineEligible(t.scope, order.lines[l.index] as (typeof order.lines)[number])).toBe(true);
          if (t.benefit.kind === 'percentage' && t.benefit.maxDiscount !== undefined) expect(a.discount).toBeLessThanOrEqual(t.benefit.maxDiscount);
          if (t.benefit.kind === 'threshold' && t.benefit.maxDiscount !== undefined) expect(a.discount).toBeLessThanOrEqual(t.benefit.maxDiscount);
        }
        expect(q.lines.reduce((s, l) => s + l.discount, 0)).toBe(q.itemDiscount);
        expect(q.applied.reduce((s, a) => s + a.discount, 0)).toBe(q.itemDiscount);
        for (const l of q.lines) {
          expect(l.total).toBeGreaterThanOrEqual(0);
          expect(l.total).toBe(l.amount - l.discount);
        }
        expect(q.shippingDiscount).toBeLessThanOrEqual(order.shipping);
        expect(q.total).toBe(q.subtotal + q.shipping - q.totalDiscount);
        expect([...q.applied.map((a) => a.code), ...q.rejected.map((r) => r.code)].sort()).toEqual(candidates.map((c) => c.code).sort());
        expect(quoteCoupons(order, candidates, 10, { thresholds: mode })).toEqual(q);
      }),
      { numRuns: 1000 },
    );
  });

  it('a quote does not depend on the order of codes that do not conflict', () => {
    fc.assert(
      fc.property(orderArb, fc.array(templateArb, { minLength: 1, maxLength: 4 }), (order, templates) => {
        // All stackable in distinct groups: nothing conflicts, so only the application order counts.
        const free = templates.map((t, i) => ({ ...t, stacking: { mode: 'stackable' as const, group: `g${i}`, maxPerOrder: 1 } }));
        const candidates = free.map((t, i) => ({ code: `C${i}`, coupon: walletCoupon(t, i) }));
        const forward = quoteCoupons(order, candidates, 10);
        const backward = quoteCoupons(order, [...candidates].reverse(), 10);
        // Equal priorities and levels fall back to the given order; only compare when that tie-break is not needed.
        const keys = free.map((t) => `${t.benefit.kind === 'free_shipping' ? 's' : (t.scope.products?.length ?? 0) + (t.scope.categories?.length ?? 0) > 0 ? 'p' : 'o'}${t.priority}`);
        fc.pre(new Set(keys).size === keys.length);
        expect(backward.lines).toEqual(forward.lines);
        expect(backward.totalDiscount).toBe(forward.totalDiscount);
      }),
      { numRuns: 500 },
    );
  });
});
