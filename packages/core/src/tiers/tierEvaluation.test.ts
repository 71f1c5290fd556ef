import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoyaltyEngine, defineProgram, manualClock, tierMetric, tierWindowStart, type LoyaltyProgram } from '../index.ts';

const DAY = 86_400_000;
const levels = [
  { id: 'basic', name: '普通', threshold: 0 },
  { id: 'silver', name: '银卡', threshold: 100_000, keep: 60_000 },
  { id: 'gold', name: '金卡', threshold: 500_000, keep: 300_000 },
  { id: 'black', name: '黑卡', threshold: 2_000_000, keep: 1_200_000 },
];
const windows = [{ kind: 'lifetime' as const }, { kind: 'rolling_months' as const, months: 12 }, { kind: 'calendar_year' as const }];

describe('tier evaluation (property)', () => {
  it('upgrades at once, downgrades only at period end below keep, one tier at a time, and re-evaluation changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...windows),
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 800_000 }), fc.boolean()), { minLength: 1, maxLength: 25 }),
        async (window, graceDays, steps) => {
          const program: LoyaltyProgram = defineProgram({ currency: 'CNY', tiers: { metric: 'spend', window, graceDays, validityMonths: 12, levels } });
          const clock = manualClock('2026-01-01T00:00:00Z');
          const engine = createLoyaltyEngine({ program, clock });
          let n = 0;
          for (const [days, spend, refund] of steps) {
            clock.advance(days * DAY);
            if (spend > 0) {
              n += 1;
              await engine.recordOrder({ id: `e${n}`, type: 'order_completed', timestamp: clock.now(), userId: 'm', source: 'server', properties: { orderId: `o${n}`, currency: 'CNY', total: spend, products: [{ productId: 'p', price: spend, quantity: 1 }] } });
              if (refund) await engine.recordRefund({ id: `r${n}`, type: 'order_refunded', timestamp: clock.now(), userId: 'm', source: 'server', properties: { orderId: `o${n}`, currency: 'CNY', total: Math.floor(spend / 2) } });
            }
            await engine.settle('m');
            const record = await engine.member('m');
            const state = record?.tier;
            if (!state || !record) continue;
            const idx = (id: string) => levels.findIndex((l) => l.id === id);
            // Upgrade at once: never below the tier the current value qualifies for.
            const value = tierMetric(program, record.growth, clock.now());
            const qualified = levels.reduce((q, l, i) => (value >= l.threshold ? i : q), 0);
            expect(idx(state.tierId)).toBeGreaterThanOrEqual(qualified);
            let enteredAt = state.history[0]?.at ?? 0;
            for (const h of state.history) {
              if (h.reason === 'downgrade') {
                // One tier at a time, never inside the tier's validity period, and only below keep.
                expect(idx(h.from ?? '')).toBe(idx(h.to) + 1);
                expect(h.at - enteredAt).toBeGreaterThanOrEqual(window.kind === 'calendar_year' ? 0 : 365 * DAY);
                const from = levels[idx(h.from ?? '')] as { keep?: number; threshold: number };
                const keepValue = tierMetric(program, record.growth, h.at - 1, [], tierWindowStart(program, h.at - 1 - graceDays * DAY));
                expect(keepValue).toBeLessThan(from.keep ?? from.threshold);
              }
              if (h.reason === 'upgrade') expect(idx(h.to)).toBeGreaterThan(idx(h.from ?? ''));
              if (h.reason === 'upgrade' || h.reason === 'downgrade' || h.reason === 'join') enteredAt = h.at;
            }
            // Evaluating again at the same instant is a no-op.
            const version = record.version;
            await engine.settle('m');
            expect((await engine.member('m'))?.version).toBe(version);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);

  it('a manual override wins until it expires, then the earned tier returns', async () => {
    const program = defineProgram({ currency: 'CNY', tiers: { metric: 'spend', levels } });
    const clock = manualClock('2026-01-01T00:00:00Z');
    const engine = createLoyaltyEngine({ program, clock });
    await engine.overrideTier({ memberId: 'm', tierId: 'black', reason: 'celebrity account', expiresAt: '2026-02-01T00:00:00Z', idempotencyKey: 'ovr-1' });
    expect((await engine.benefits('m')).tierId).toBe('black');
    expect((await engine.benefits('m')).overridden).toBe(true);
    clock.set('2026-02-01T00:00:00Z');
    expect((await engine.benefits('m')).tierId).toBe('basic');
    const r = await engine.settle('m');
    expect(r.tierId).toBe('basic');
    expect((await engine.growthTree('m')).history.map((h) => h.reason)).toEqual(['join', 'override', 'override_expired']);
    await expect(engine.overrideTier({ memberId: 'm', tierId: 'diamond', reason: 'x', expiresAt: '2027-01-01T00:00:00Z', idempotencyKey: 'ovr-2' })).rejects.toMatchObject({ code: 'tier_not_found' });
  });
});
