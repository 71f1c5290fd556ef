// Concurrency: the same commands interleaved in every order fc.scheduler
// picks must never overdraw, double-credit or double-spend. The store is
// wrapped so that reads return a copy taken at call time and both reads and
// commits resolve when the scheduler says, which is how a real database
// behaves (stale reads, commits landing in between).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneMemberRecord, createLoyaltyEngine, defineProgram, isMemberkitError, manualClock, memoryLoyaltyStore, type LoyaltyStore } from '../index.ts';

const program = defineProgram({
  currency: 'CNY',
  returnWindowDays: 0,
  refundPolicy: { whenSpent: 'within_balance' },
  tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'silver', name: '银卡', threshold: 50_000 }] },
});

function scheduledStore(s: fc.Scheduler, inner: LoyaltyStore): LoyaltyStore {
  return {
    getMember: async (id) => {
      const r = await inner.getMember(id);
      const copy = r === undefined ? undefined : cloneMemberRecord(r);
      return s.schedule(Promise.resolve(copy), 'read');
    },
    getIdempotency: async (key) => s.schedule(inner.getIdempotency(key), 'key'),
    commit: async (change) => {
      await s.schedule(Promise.resolve(), 'commit');
      return inner.commit(change);
    },
    memberIds: inner.memberIds,
  };
}

type Op = { kind: 'redeem'; points: number; key: string; orderId?: string } | { kind: 'order'; id: string; total: number; paid?: number } | { kind: 'refund'; id: string };

describe('concurrent commands under fc.scheduler', () => {
  it('never overdraws, never double-spends an order or a key, and keeps the ledger equal to its sum', async () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 600 }), key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'), orderId: fc.option(fc.constantFrom('c1', 'c2', 'o1'), { nil: undefined }) }),
      // Some orders report points paid on the event itself, racing with checkout redemptions on the same order.
      fc.record({ kind: fc.constant('order' as const), id: fc.constantFrom('o1', 'o2', 'o3'), total: fc.integer({ min: 100, max: 50_000 }), paid: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }) }),
      fc.record({ kind: fc.constant('refund' as const), id: fc.constantFrom('o1', 'o2', 'o3') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 0, max: 1500 }), fc.array(op, { minLength: 2, maxLength: 8 }), async (s, opening, ops) => {
        const inner = memoryLoyaltyStore();
        const clock = manualClock('2026-05-01T00:00:00Z');
        const direct = createLoyaltyEngine({ program, clock, store: inner });
        if (opening > 0) await direct.adjustPoints({ memberId: 'm', points: opening, reason: 'opening', idempotencyKey: 'open' });
        const engine = createLoyaltyEngine({ program, clock, store: scheduledStore(s, inner), maxRetries: 100 });
        const run = (o: Op) => {
          if (o.kind === 'redeem') return engine.redeemPoints({ memberId: 'm', points: o.points, idempotencyKey: o.key, ...(o.orderId ? { orderId: o.orderId } : {}) });
          if (o.kind === 'order') {
            return engine.recordOrder({ id: `e-${o.id}-${o.total}`, type: 'order_completed', timestamp: clock.now(), userId: 'm', source: 'server', properties: { orderId: o.id, currency: 'CNY', total: o.total, pointsRedeemed: o.paid, products: [{ productId: 'p', price: o.total, quantity: 1 }] } });
          }
          return engine.recordRefund({ id: `r-${o.id}`, type: 'order_refunded', timestamp: clock.now(), userId: 'm', source: 'server', properties: { orderId: o.id, currency: 'CNY' } });
        };
        const settled = await s.waitFor(Promise.allSettled(ops.map(run)));
        for (const r of settled) {
          if (r.status === 'rejected') {
            expect(isMemberkitError(r.reason)).toBe(true);
            expect(['insufficient_points', 'duplicate_request', 'idempotency_conflict', 'order_not_found', 'refund_exceeds_order', 'points_policy_violation']).toContain((r.reason as { code: string }).code);
          }
        }
        const record = await inner.getMember('m');
        const check = await direct.verify('m');
        expect(check.problems).toEqual([]);
        expect(record?.available ?? 0).toBeGreaterThanOrEqual(0);
        // Each order earns at most once, each checkout redeems at most once.
        const sources = (record?.entries ?? []).filter((e) => e.kind === 'earn' && e.source.startsWith('order:')).map((e) => e.source);
        expect(new Set(sources).size).toBe(sources.length);
        const redeemOps = new Set((record?.entries ?? []).filter((e) => e.kind === 'redeem').map((e) => e.source));
        for (const src of redeemOps) {
          const spent = (record?.entries ?? []).filter((e) => e.kind === 'redeem' && e.source === src).reduce((a, e) => a - e.points, 0);
          expect(spent).toBeGreaterThan(0);
          // One spend per source: a checkout redemption and the order event never both spend for one order.
          expect(new Set((record?.entries ?? []).filter((e) => e.kind === 'redeem' && e.source === src).map((e) => e.operationId)).size).toBe(1);
        }
        // What was spent never exceeds what was ever credited.
        const credited = (record?.entries ?? []).filter((e) => e.points > 0 && e.bucket === 'available').reduce((a, e) => a + e.points, 0);
        const debited = (record?.entries ?? []).filter((e) => e.points < 0 && e.bucket === 'available').reduce((a, e) => a - e.points, 0);
        expect(debited).toBeLessThanOrEqual(credited);
      }),
      { numRuns: 300 },
    );
  }, 300_000);

  it('two redemptions of the whole balance at the same moment: exactly one wins', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 10_000 }), async (s, balance) => {
        const inner = memoryLoyaltyStore();
        const clock = manualClock(0);
        await createLoyaltyEngine({ program, clock, store: inner }).adjustPoints({ memberId: 'm', points: balance, reason: 'x', idempotencyKey: 'open' });
        const engine = createLoyaltyEngine({ program, clock, store: scheduledStore(s, inner) });
        const results = await s.waitFor(Promise.allSettled([1, 2].map((i) => engine.redeemPoints({ memberId: 'm', points: balance, idempotencyKey: `k${i}` }))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await inner.getMember('m'))?.available).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
