// The engine takes a promise-free path when the store offers `sync` (the
// memory store) and awaits every call otherwise (a database). Both must give
// the same results, the same records and the same errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoyaltyEngine, defineProgram, manualClock, memoryLoyaltyStore, type LoyaltyEngine, type LoyaltyStore } from '../index.ts';

const program = defineProgram({
  currency: 'CNY',
  returnWindowDays: 1,
  expiry: { kind: 'days', days: 3 },
  points: { actions: { check_in: { points: 5, maxPerDay: 1 } } },
  tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'gold', name: '金卡', threshold: 20_000 }] },
});

/** The memory store seen through the async port only, as a database store would be. */
function asyncOnly(inner: LoyaltyStore): LoyaltyStore {
  return { getMember: inner.getMember, getIdempotency: inner.getIdempotency, commit: inner.commit, memberIds: inner.memberIds };
}

type Op = { kind: 'order' | 'redeem' | 'refund' | 'adjust' | 'check_in' | 'advance'; n: number; key: number };

async function apply(engine: LoyaltyEngine, op: Op, now: number): Promise<unknown> {
  const order = `o${op.key}`;
  try {
    if (op.kind === 'order') return await engine.recordOrder({ id: `e${op.key}`, type: 'order_completed', timestamp: now, userId: 'm', source: 'server', properties: { orderId: order, currency: 'CNY', total: op.n * 100, pointsRedeemed: op.n % 3 === 0 ? op.n % 50 : undefined, products: [{ productId: 'p', price: op.n * 100, quantity: 1 }] } });
    if (op.kind === 'redeem') return await engine.redeemPoints({ memberId: 'm', points: op.n, idempotencyKey: `r${op.key}` });
    if (op.kind === 'refund') return await engine.recordRefund({ id: `rf${op.key}`, type: 'order_refunded', timestamp: now, userId: 'm', source: 'server', properties: { orderId: order, currency: 'CNY', total: op.n } });
    if (op.kind === 'adjust') return await engine.adjustPoints({ memberId: 'm', points: op.n - 100, reason: 'fix', idempotencyKey: `a${op.key}` });
    if (op.kind === 'check_in') return await engine.recordAction({ memberId: 'm', action: 'check_in', idempotencyKey: `c${op.key}` });
    return await engine.settle('m');
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

describe('sync and async store paths', () => {
  it('give the same results, errors and ledger for any sequence of commands', async () => {
    const op = fc.record({ kind: fc.constantFrom<Op['kind']>('order', 'redeem', 'refund', 'adjust', 'check_in', 'advance'), n: fc.integer({ min: 1, max: 400 }), key: fc.integer({ min: 0, max: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const clock = manualClock('2026-01-01T00:00:00Z');
        const syncStore = memoryLoyaltyStore();
        const asyncStore = asyncOnly(memoryLoyaltyStore());
        expect(syncStore.sync).toBeDefined();
        const a = createLoyaltyEngine({ program, clock, store: syncStore });
        const b = createLoyaltyEngine({ program, clock, store: asyncStore });
        for (const o of ops) {
          if (o.kind === 'advance') clock.advance(o.n * 600_000);
          expect(await apply(b, o, clock.now())).toEqual(await apply(a, o, clock.now()));
        }
        expect(await b.member('m')).toEqual(await a.member('m'));
        expect((await a.verify('m')).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
