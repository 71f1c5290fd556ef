// Worked example: a partial refund after a partial redemption (docs/loyalty.md).
import { createLoyaltyEngine, defineProgram, manualClock } from '@memberkit/core';

const DAY = 86_400_000;

export async function partialRefundAfterRedemption() {
  const program = defineProgram({
    currency: 'CNY',
    timeZoneOffsetMinutes: 480, // days, months and years start at 00:00 Beijing time
    returnWindowDays: 7, // points stay pending for the 7-day return window
    expiry: { kind: 'end_of_year', years: 1 }, // points expire at the end of next year
    points: { perCurrencyUnit: 1 }, // 1 point per ¥1 paid
    refundPolicy: { whenSpent: 'within_balance' },
    tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }] },
  });
  const clock = manualClock('2026-03-01T10:00:00+08:00');
  const loyalty = createLoyaltyEngine({ program, clock });

  // 1. Ms. Zhang pays ¥1,000 for two tins of milk powder: 1,000 points, pending for 7 days.
  await loyalty.recordOrder({
    id: 'evt-o1', type: 'order_completed', timestamp: clock.now(), userId: 'zhang', source: 'server',
    properties: { orderId: 'o1', currency: 'CNY', total: 100_000, products: [{ productId: 'milk-powder', price: 50_000, quantity: 2 }] },
  });
  clock.advance(8 * DAY); // the return window has passed: the 1,000 points are available

  // 2. At checkout of order o2 she pays 600 points, then ¥300 for three ¥100 items.
  const redemption = await loyalty.redeemPoints({ memberId: 'zhang', points: 600, orderId: 'o2', idempotencyKey: 'checkout-o2' });
  const order = await loyalty.recordOrder({
    id: 'evt-o2', type: 'order_completed', timestamp: clock.now(), userId: 'zhang', source: 'server',
    properties: {
      orderId: 'o2', currency: 'CNY', total: 30_000,
      products: [
        { productId: 'bib', price: 10_000, quantity: 1 },
        { productId: 'bottle', price: 10_000, quantity: 1 },
        { productId: 'spoon-set', price: 10_000, quantity: 1 },
      ],
    },
  });

  // 3. She returns the bib: one third of what she paid for o2.
  const refund = await loyalty.recordRefund({
    id: 'evt-r1', type: 'order_refunded', timestamp: clock.now(), userId: 'zhang', source: 'server',
    properties: { orderId: 'o2', refundId: 'r1', currency: 'CNY', products: [{ productId: 'bib', quantity: 1 }] },
  });
  const explained = await loyalty.explainBalance('zhang');
  return { redemption, order, refund, explained };
}
