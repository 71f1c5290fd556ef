import { describe, expect, it } from 'vitest';
import { MemberkitError, fromGa4Event, toGa4Event, type MemberkitEventInput } from '../index.ts';

const purchase: MemberkitEventInput = {
  id: 'evt_1',
  type: 'order_completed',
  timestamp: 1772330400123,
  anonymousId: '123456.7654321',
  userId: 'u1',
  identifiers: { phone: '+8613800138000', email: 'wang@example.com' },
  traits: { tier: 'gold', vip: true, note: null },
  context: { utm: { source: 'google', medium: 'cpc', campaign: 'summer' }, channel: 'web' },
  source: 'server',
  properties: {
    orderId: 'T_12345',
    currency: 'USD',
    shipping: 599,
    tax: 490,
    total: 4160 + 599 + 490,
    coupons: ['SAVE20'],
    products: [
      { productId: 'SKU_123', name: 'Blue Widget', price: 1000, quantity: 3, discount: 600 },
      { productId: 'SKU_456', name: 'Red Widget', price: 2200, quantity: 1, discount: 440 },
    ],
  },
};

describe('toGa4Event', () => {
  it('writes purchase as Google prescribes: discounted unit price, unit discount, value without shipping or tax', () => {
    const body = toGa4Event(purchase);
    expect(body).toMatchObject({ client_id: '123456.7654321', user_id: 'u1', timestamp_micros: 1772330400123000 });
    expect(body.events).toHaveLength(1);
    expect(body.events[0]!.name).toBe('purchase');
    // Google's apply-discount example: price 8.00 / discount 2.00 × 3, price 17.60 / discount 4.40 × 1, value 41.60.
    expect(body.events[0]!.params).toMatchObject({
      event_id: 'evt_1',
      transaction_id: 'T_12345',
      currency: 'USD',
      value: 41.6,
      shipping: 5.99,
      tax: 4.9,
      coupon: 'SAVE20',
      campaign_source: 'google',
      campaign_medium: 'cpc',
      campaign_name: 'summer',
      items: [
        { item_id: 'SKU_123', item_name: 'Blue Widget', price: 8, discount: 2, quantity: 3 },
        { item_id: 'SKU_456', item_name: 'Red Widget', price: 17.6, discount: 4.4, quantity: 1 },
      ],
    });
  });

  it('never sends personal identifiers, and sends traits as string/number user properties', () => {
    const body = toGa4Event(purchase);
    const json = JSON.stringify(body);
    expect(json).not.toContain('+8613800138000');
    expect(json).not.toContain('wang@example.com');
    expect(body.user_properties).toEqual({ tier: { value: 'gold' }, vip: { value: 'true' } });
  });

  it('makes up a recognisable client_id for user-only events and reads it back as no anonymous id', () => {
    const body = toGa4Event({ id: 'e', type: 'signed_in', timestamp: 5, userId: 'u9', properties: { method: 'wechat' } });
    expect(body.client_id).toBe('mk_user.u9');
    const [back] = fromGa4Event(body);
    expect([back?.userId, back?.anonymousId, back?.properties]).toEqual(['u9', undefined, { method: 'wechat' }]);
  });

  it('splits a line discount that does not divide evenly and still reads it back exactly', () => {
    const body = toGa4Event({ id: 'e', type: 'product_added', timestamp: 0, anonymousId: 'a', properties: { productId: 'p', price: 999, quantity: 3, discount: 100, currency: 'CNY' } });
    const item = (body.events[0]!.params.items as { price: number; discount: number }[])[0]!;
    expect(item.price * 3).toBeCloseTo(28.97, 10);
    expect(item.discount * 3).toBeCloseTo(1, 10);
    const [back] = fromGa4Event(body);
    expect(back?.type === 'product_added' && [back.properties.price, back.properties.discount]).toEqual([999, 100]);
  });

  it('refuses an event GA4 could not attribute without personal data', () => {
    try {
      toGa4Event({ id: 'e', type: 'signed_in', timestamp: 0, identifiers: { phone: '+8613800138000' }, properties: {} });
      expect.unreachable();
    } catch (e) {
      expect(e instanceof MemberkitError && [e.code, e.field]).toEqual(['invalid_event', 'anonymousId']);
    }
  });
});
