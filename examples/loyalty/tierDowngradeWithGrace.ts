// Worked example: a tier downgrade with a grace period (docs/loyalty.md).
import { createLoyaltyEngine, defineProgram, manualClock } from '@memberkit/core';

export async function tierDowngradeWithGrace() {
  const program = defineProgram({
    currency: 'CNY',
    timeZoneOffsetMinutes: 480,
    tiers: {
      metric: 'spend', // qualify by spend (minor units) ...
      window: { kind: 'calendar_year' }, // ... within the calendar year; keep checked at year end
      graceDays: 31, // a member who misses keep holds the tier until 1 February
      levels: [
        { id: 'basic', name: '普通', threshold: 0 },
        { id: 'silver', name: '银卡', threshold: 100_000, keep: 60_000 }, // reach ¥1,000, keep with ¥600
        { id: 'gold', name: '金卡', threshold: 500_000, keep: 300_000 }, // reach ¥5,000, keep with ¥3,000
      ],
    },
  });
  const clock = manualClock('2026-03-01T12:00:00+08:00');
  const loyalty = createLoyaltyEngine({ program, clock });
  const buy = (orderId: string, total: number) =>
    loyalty.recordOrder({
      id: `evt-${orderId}`, type: 'order_completed', timestamp: clock.now(), userId: 'li', source: 'server',
      properties: { orderId, currency: 'CNY', total, products: [{ productId: 'stroller', price: total, quantity: 1 }] },
    });

  const upgraded = await buy('o1', 600_000); // ¥6,000 in 2026: gold at once

  clock.set('2027-01-02T09:00:00+08:00');
  await loyalty.settle('li'); // 2026 spend ¥6,000 ≥ keep ¥3,000: gold kept for 2027

  clock.set('2027-06-01T12:00:00+08:00');
  await buy('o2', 20_000); // only ¥200 in 2027

  clock.set('2028-01-05T09:00:00+08:00');
  await loyalty.settle('li'); // 2027 spend ¥200 < ¥3,000: grace period until 1 February 2028
  const inGrace = await loyalty.growthTree('li');

  clock.set('2028-02-02T09:00:00+08:00');
  await loyalty.settle('li'); // still short at the end of grace: down ONE tier, to silver (not basic)
  const afterGrace = await loyalty.growthTree('li');
  return { upgraded, inGrace, afterGrace };
}
