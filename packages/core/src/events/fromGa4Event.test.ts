import { describe, expect, it } from 'vitest';
import { fromGa4Event, manualClock } from '../index.ts';

// The purchase from Google's "Apply a discount to an ecommerce event" page
// (developers.google.com/analytics/devguides/collection/ga4/apply-discount):
// SAVE20 on 3 × Blue Widget ($10.00, $2.00 off each) and 1 × Red Widget
// ($22.00, $4.40 off), value = item revenue = $41.60.
const save20Purchase = {
  transaction_id: 'T_12345',
  value: 41.6,
  currency: 'USD',
  coupon: 'SAVE20',
  items: [
    { item_id: 'SKU_123', item_name: 'Blue Widget', price: 8.0, discount: 2.0, quantity: 3, coupon: 'SAVE20' },
    { item_id: 'SKU_456', item_name: 'Red Widget', price: 17.6, discount: 4.4, quantity: 1, coupon: 'SAVE20' },
  ],
};

const body = (name: string, params: Record<string, unknown>) => ({ client_id: '123456.7654321', timestamp_micros: 1772330400000000, events: [{ name, params }] });

/** Matches a thrown MemberkitError with this code and field. */
const memberkitError = (field: string, code = 'invalid_event') => expect.objectContaining({ name: 'MemberkitError', code, field });

describe('fromGa4Event on Google examples', () => {
  it('reads the SAVE20 purchase into list prices and line discounts in exact minor units', () => {
    const [e] = fromGa4Event(body('purchase', save20Purchase));
    expect(e?.type).toBe('order_completed');
    if (e?.type !== 'order_completed') return;
    expect(e.properties).toEqual({
      orderId: 'T_12345',
      currency: 'USD',
      total: 4160,
      coupons: ['SAVE20'],
      products: [
        { productId: 'SKU_123', name: 'Blue Widget', price: 1000, quantity: 3, discount: 600 },
        { productId: 'SKU_456', name: 'Red Widget', price: 2200, quantity: 1, discount: 440 },
      ],
    });
    // Google's table: original unit prices $10.00 / $22.00, item revenue sums to value.
    const revenue = e.properties.products.reduce((s, l) => s + l.price * l.quantity - (l.discount ?? 0), 0);
    expect(revenue).toBe(4160);
  });

  it('reads the socks example (3 pairs at $6 list, $2 off each, value $12)', () => {
    const [e] = fromGa4Event(
      body('purchase', { transaction_id: 'T_12345', coupon: 'socksSale', value: 12.0, currency: 'USD', items: [{ item_id: 'SKU_12345', item_name: 'Socks', discount: 2.0, price: 4.0, quantity: 3 }] }),
    );
    expect(e?.type === 'order_completed' && e.properties.products[0]).toEqual({ productId: 'SKU_12345', name: 'Socks', price: 600, quantity: 3, discount: 600 });
  });

  it('adds shipping and tax back to the purchase value for the canonical total', () => {
    const [e] = fromGa4Event(body('purchase', { ...save20Purchase, shipping: 5.99, tax: 4.9 }));
    expect(e?.type === 'order_completed' && [e.properties.total, e.properties.shipping, e.properties.tax]).toEqual([5249, 599, 490]);
  });

  it('reads the Measurement Protocol login example, timed by the clock when the body has no timestamp', () => {
    const mpLogin = { client_id: 'CLIENT_ID', events: [{ name: 'login', params: { method: 'Google', session_id: 'SESSION_ID', engagement_time_msec: 100 } }] };
    const clock = manualClock(Date.UTC(2026, 2, 1));
    const [e] = fromGa4Event(mpLogin, { clock });
    expect([e?.type, e?.properties, e?.anonymousId, e?.timestamp, e?.source]).toEqual(['signed_in', { method: 'Google' }, 'CLIENT_ID', Date.UTC(2026, 2, 1), 'client']);
    expect(() => fromGa4Event(mpLogin)).toThrow(memberkitError('timestamp_micros'));
  });

  it('derives a stable id from client_id, time, name and index when event_id is absent', () => {
    const payload = { client_id: 'c1', timestamp_micros: 1000000, events: [{ name: 'search', params: { search_term: 'a' } }, { name: 'search', params: { search_term: 'a' } }] };
    const first = fromGa4Event(payload).map((e) => e.id);
    const again = fromGa4Event(JSON.parse(JSON.stringify(payload))).map((e) => e.id);
    expect(first).toEqual(again);
    expect(first[0]).toMatch(/^ga4_[0-9a-f]{16}$/);
    expect(first[0]).not.toBe(first[1]);
    expect(fromGa4Event({ ...payload, client_id: 'c2' })[0]?.id).not.toBe(first[0]);
    expect(fromGa4Event(body('search', { search_term: 'x', event_id: 'evt_9' }))[0]?.id).toBe('evt_9');
  });

  it('reads page_view params and user_properties', () => {
    const [e] = fromGa4Event({
      ...body('page_view', { page_location: 'https://shop.example/p/1', page_title: 'P1', page_referrer: 'https://www.baidu.com/', engagement_time_msec: 1200, campaign_source: 'wechat', campaign_medium: 'social' }),
      user_id: 'u1',
      user_properties: { tier: { value: 'gold' } },
    });
    expect(e).toMatchObject({
      type: 'page_viewed',
      userId: 'u1',
      traits: { tier: 'gold' },
      properties: { url: 'https://shop.example/p/1', title: 'P1', dwellMs: 1200 },
      context: { page: { referrer: 'https://www.baidu.com/' }, utm: { source: 'wechat', medium: 'social' } },
    });
  });

  it('converts JPY and KWD amounts by their exponents', () => {
    const [jpy] = fromGa4Event(body('add_to_cart', { currency: 'JPY', value: 1999, items: [{ item_id: 'p', price: 1999, quantity: 1 }] }));
    const [kwd] = fromGa4Event(body('add_to_cart', { currency: 'KWD', value: 1.234, items: [{ item_id: 'p', price: 1.234, quantity: 1 }] }));
    expect([jpy?.type === 'product_added' && jpy.properties.price, kwd?.type === 'product_added' && kwd.properties.price]).toEqual([1999, 1234]);
  });
});

describe('fromGa4Event on bad input', () => {
  it.each([
    ['no client id', { timestamp_micros: 1, events: [{ name: 'login', params: {} }] }, 'client_id'],
    ['no events', { client_id: 'c', timestamp_micros: 1, events: [] }, 'events'],
    ['an event GA4 defines but memberkit does not map (MP campaign_details)', body('campaign_details', { campaign_id: 'google_1234', source: 'google' }), 'events.0.name'],
    ['an item without item_id', body('purchase', { ...save20Purchase, items: [{ item_name: 'Blue Widget', price: 8, quantity: 3 }] }), 'events.0.params.items.0.item_id'],
    ['a price that is not a number', body('purchase', { ...save20Purchase, items: [{ item_id: 'x', price: 'eight', quantity: 3 }] }), 'events.0.params.items.0.price'],
    ['a discount that is not a number', body('purchase', { ...save20Purchase, items: [{ item_id: 'x', price: 8, discount: 'two', quantity: 3 }] }), 'events.0.params.items.0.discount'],
    ['no transaction id', body('purchase', { ...save20Purchase, transaction_id: undefined }), 'events.0.params.transaction_id'],
    ['money without a currency', body('purchase', { ...save20Purchase, currency: undefined }), 'events.0.params.currency'],
  ])('%s → invalid_event naming %s', (_what, payload, field) => {
    expect(() => fromGa4Event(payload)).toThrow(memberkitError(field));
  });

  it('refuses non-objects without a bare TypeError', () => {
    for (const bad of [null, 'x', 42, []]) expect(() => fromGa4Event(bad)).toThrow(expect.objectContaining({ name: 'MemberkitError', code: 'invalid_event' }));
  });
});
