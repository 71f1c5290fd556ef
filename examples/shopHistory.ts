// A seeded, synthetic order history for a small omnichannel shop: web and
// mini-program orders (user id, device id) and store (POS) orders (member card
// and phone), with browsing, refunds and campaign sources. Same seed, same shop.
import { seededRandom, type MemberkitEventInput, type RandomSource } from '@memberkit/core';

const DAY = 86_400_000;
const CATEGORIES = ['奶粉 milk powder', '纸尿裤 diapers', '童车 strollers', '玩具 toys', '服饰 clothing'];
const SOURCES = [{ source: 'douyin', medium: 'cpc' }, { source: 'wechat', medium: 'social' }, { source: 'baidu', medium: 'organic' }, undefined];

/** Options for {@link generateShopEvents}. */
export interface ShopHistoryOptions {
  readonly seed?: number;
  readonly customers?: number;
  /** First day of the history. */
  readonly from?: string;
  /** Day after the last order (the analysis date). */
  readonly to?: string;
}

// Gamma-ish purchase rates: most customers buy rarely, a few buy often, as in real shops.
function purchaseRate(rng: RandomSource): number {
  const u = rng.next();
  return 0.6 * -Math.log(1 - u) * (rng.next() < 0.15 ? 6 : 1);
}

/**
 * Generates the canonical events of a shop's history, oldest first. Customer
 * 0 is "Ms. Zhang" (张女士): she buys online with a user id and in a store with
 * her member card and phone, and links the two when she signs up with her
 * phone online, so her profiles merge.
 */
export function generateShopEvents(options: ShopHistoryOptions = {}): MemberkitEventInput[] {
  const rng = seededRandom(options.seed ?? 2026);
  const from = Date.parse(`${options.from ?? '2025-01-01'}T00:00:00+08:00`);
  const to = Date.parse(`${options.to ?? '2026-11-01'}T00:00:00+08:00`);
  const customers = options.customers ?? 1500;
  const events: MemberkitEventInput[] = [];
  let n = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  for (let c = 0; c < customers; c++) {
    const offline = c === 0 || rng.next() < 0.3;
    const who = offline
      ? { identifiers: { memberCardNo: `VIP${String(100000 + c)}`, phone: `139${String(c).padStart(8, '0')}` } }
      : { userId: `u${c}`, anonymousId: `dev${c}` };
    const channel = offline ? 'pos' : rng.next() < 0.6 ? 'wechat_miniprogram' : 'web';
    // Each person shops at their own time of day (morning commuters, night owls).
    const hour = pick([8, 12, 13, 20, 21, 22, 23]);
    const start = from + Math.floor((rng.next() * (to - from) * 0.8) / DAY) * DAY + hour * 3600_000;
    const utm = pick(SOURCES);
    events.push({
      id: `ev${n++}`,
      type: 'page_viewed',
      timestamp: start - 3600_000,
      ...who,
      properties: { path: '/' },
      context: { channel: channel === 'pos' ? 'pos' : channel, ...(utm ? { utm } : {}), ...(offline ? { scene: 'store_scan', storeId: 'sh-01' } : {}) },
    });
    const rate = purchaseRate(rng) / 30; // orders per day
    let t = start;
    let orders = 0;
    while (t < to) {
      const category = pick(CATEGORIES);
      const units = 1 + Math.floor(rng.next() * 3);
      const price = 4900 + Math.floor(rng.next() * 40) * 1000;
      const orderId = `o${c}-${orders++}`;
      events.push({
        id: `ev${n++}`,
        type: 'order_completed',
        source: 'server',
        timestamp: t,
        ...who,
        properties: { orderId, currency: 'CNY', total: price * units, products: [{ productId: `sku-${category.length}-${price}`, category, price, quantity: units }] },
        context: { channel, ...(offline ? { storeId: 'sh-01' } : {}) },
      });
      if (rng.next() < 0.05) {
        events.push({ id: `ev${n++}`, type: 'order_refunded', source: 'server', timestamp: t + 3 * DAY, ...who, properties: { orderId, currency: 'CNY', total: price } });
      }
      // Customers drift away: each order, a chance to stop buying for good.
      if (rng.next() < 0.12) break;
      t += Math.max(1, Math.round(-Math.log(1 - rng.next()) / Math.max(rate, 0.002))) * DAY;
    }
    if (c === 0) {
      // Ms. Zhang also shops online, then signs up there with her phone: one person.
      const online = { userId: 'zhang-online', anonymousId: 'zhang-phone' };
      events.push({ id: `ev${n++}`, type: 'order_completed', source: 'server', timestamp: to - 20 * DAY, ...online, properties: { orderId: 'o-zhang-web', currency: 'CNY', total: 25800, products: [{ productId: 'sku-stroller', category: CATEGORIES[2]!, price: 25800, quantity: 1 }] }, context: { channel: 'wechat_miniprogram', utm: { source: 'wechat', medium: 'social', campaign: 'double11' } } });
      events.push({ id: `ev${n++}`, type: 'signed_up', timestamp: to - 19 * DAY, ...online, identifiers: { phone: '+86 139-0000-0000' }, traits: { name: '张女士', gender: 'female', city: '上海' }, properties: {} });
    }
  }
  return events.sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
}
