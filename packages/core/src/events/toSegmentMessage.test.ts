import { describe, expect, it } from 'vitest';
import { MemberkitError, toSegmentMessage, type MemberkitEventInput } from '../index.ts';

const order: MemberkitEventInput = {
  id: 'evt_1',
  type: 'order_completed',
  timestamp: '2026-03-01T10:00:00+08:00',
  userId: 'u1',
  anonymousId: 'a1',
  identifiers: { phone: '+8613800138000', openid: 'o_1' },
  traits: { tier: 'gold' },
  context: { channel: 'wechat_miniprogram', scene: 1011, utm: { source: 'wechat', medium: 'social', campaign: 'spring' }, page: { path: '/pay' } },
  source: 'server',
  properties: {
    orderId: 'o1',
    currency: 'CNY',
    subtotal: 25900,
    discount: 2000,
    shipping: 1000,
    total: 24900,
    coupons: ['NEW20', 'VIP'],
    storeId: 'sh-01',
    products: [{ productId: 'p1', sku: 'S1', name: '奶粉', category: 'baby', brand: 'A2', price: 12950, quantity: 2 }],
  },
};

describe('toSegmentMessage', () => {
  it('writes Order Completed the way the spec defines it', () => {
    const m = toSegmentMessage(order);
    expect(m).toMatchObject({ type: 'track', event: 'Order Completed', messageId: 'evt_1', timestamp: '2026-03-01T02:00:00.000Z', userId: 'u1', anonymousId: 'a1' });
    expect(m.properties).toEqual({
      order_id: 'o1',
      affiliation: 'sh-01',
      total: 249,
      // Segment subtotal is after discounts: 259 − 20.
      subtotal: 239,
      revenue: 259,
      shipping: 10,
      discount: 20,
      coupon: 'NEW20,VIP',
      currency: 'CNY',
      products: [{ product_id: 'p1', sku: 'S1', name: '奶粉', category: 'baby', brand: 'A2', price: 129.5, quantity: 2 }],
    });
    // The spec's arithmetic holds on what we write: total = subtotal + shipping + tax.
    const p = m.properties as { total: number; subtotal: number; shipping: number };
    expect(p.subtotal + p.shipping).toBeCloseTo(p.total, 10);
  });

  it('maps context: UTM to context.campaign, identifiers to externalIds, traits to context.traits', () => {
    const ctx = toSegmentMessage(order).context;
    expect(ctx).toEqual({
      page: { path: '/pay' },
      campaign: { source: 'wechat', medium: 'social', name: 'spring' },
      traits: { tier: 'gold' },
      externalIds: [
        { id: '+8613800138000', type: 'phone', collection: 'users', encoding: 'none' },
        { id: 'o_1', type: 'wechat_openid', collection: 'users', encoding: 'none' },
      ],
      memberkit: { source: 'server', channel: 'wechat_miniprogram', scene: 1011 },
    });
  });

  it('sends page_viewed as a page call and identified as an identify call with top-level traits', () => {
    const page = toSegmentMessage({ id: 'e', type: 'page_viewed', timestamp: 0, anonymousId: 'a', properties: { url: 'https://x.example/', dwellMs: 5000 } });
    expect([page.type, page.event, page.properties]).toEqual(['page', undefined, { url: 'https://x.example/', dwell_ms: 5000 }]);
    const who = toSegmentMessage({ id: 'e', type: 'identified', timestamp: 0, userId: 'u', traits: { name: '王芳' }, properties: {} });
    expect([who.type, who.traits, who.properties]).toEqual(['identify', { name: '王芳' }, undefined]);
  });

  it('refuses invalid events and amounts it cannot scale, naming the field', () => {
    const err = (input: unknown) => {
      try {
        toSegmentMessage(input as MemberkitEventInput);
      } catch (e) {
        return e instanceof MemberkitError ? [e.code, e.field] : e;
      }
      return 'no error';
    };
    expect(err({ ...order, properties: { ...(order.properties as object), total: 249.5 } })).toEqual(['invalid_event', 'properties.total']);
    expect(err({ id: 'e', type: 'product_viewed', timestamp: 0, anonymousId: 'a', properties: { productId: 'p', price: 100 } })).toEqual(['invalid_event', 'properties.currency']);
    expect(err({ id: 'e', type: 'coupon_used', timestamp: 0, anonymousId: 'a', properties: { discount: 500 } })).toEqual(['invalid_event', 'properties.currency']);
  });
});
