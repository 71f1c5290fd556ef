// Quick start for docs/loyalty.md: define a program, earn, wait out the return window, redeem, explain.
import { createLoyaltyEngine, defineProgram, manualClock, memoryLoyaltyStore } from '@memberkit/core';

export async function quickStart() {
  const program = defineProgram({
    currency: 'CNY',
    timeZoneOffsetMinutes: 480,
    returnWindowDays: 7,
    expiry: { kind: 'end_of_year', years: 1 },
    points: { perCurrencyUnit: 1, actions: { sign_up: { points: 100 }, check_in: { points: 5, maxPerDay: 1 } } },
    growth: { perCurrencyUnit: 1, actions: { check_in: { value: 1, maxPerDay: 1 } } },
    tiers: {
      metric: 'growth',
      window: { kind: 'rolling_months', months: 12 },
      graceDays: 30,
      levels: [
        { id: 'basic', name: '普通', threshold: 0 },
        { id: 'silver', name: '银卡', threshold: 1_000, keep: 800, benefits: { pointsMultiplier: 1.2 } },
        { id: 'gold', name: '金卡', threshold: 5_000, keep: 4_000, benefits: { pointsMultiplier: 1.5, freeShipping: true } },
      ],
    },
  });
  const clock = manualClock('2026-06-01T10:00:00+08:00'); // use systemClock in production
  const loyalty = createLoyaltyEngine({ program, clock, store: memoryLoyaltyStore() });

  await loyalty.recordAction({ memberId: 'wang', action: 'sign_up', idempotencyKey: 'signup-wang' });
  const earned = await loyalty.recordOrder({
    id: 'evt-1001', type: 'order_completed', timestamp: clock.now(), userId: 'wang', source: 'server',
    properties: { orderId: '1001', currency: 'CNY', total: 129_900, shipping: 1_000, products: [{ productId: 'stroller', price: 128_900, quantity: 1 }] },
  });
  clock.advance(8 * 86_400_000);
  const spent = await loyalty.redeemPoints({ memberId: 'wang', points: 500, orderId: '1002', idempotencyKey: 'checkout-1002' });
  return { earned, spent, balance: await loyalty.balance('wang'), tree: await loyalty.growthTree('wang'), benefits: await loyalty.benefits('wang') };
}
