import { describe, expect, it } from 'vitest';
import { fromSegmentMessage, toSegmentMessage } from '../index.ts';

// Payloads copied from Segment's "Spec: V2 Ecommerce Events"
// (segment.com/docs/connections/spec/ecommerce/v2/), wrapped in the message
// envelope analytics.js sends for `analytics.track(event, properties)`.
const envelope = { type: 'track', messageId: 'ajs-1', timestamp: '2026-03-01T02:00:00.000Z', userId: 'u1' } as const;

const orderCompletedSpec = {
  checkout_id: 'fksdjfsdjfisjf9sdfjsd9f',
  order_id: '50314b8e9bcf000000000000',
  affiliation: 'Google Store',
  total: 27.5,
  subtotal: 22.5,
  revenue: 25.0,
  shipping: 3,
  tax: 2,
  discount: 2.5,
  coupon: 'hasbros',
  currency: 'USD',
  products: [
    {
      product_id: '507f1f77bcf86cd799439011',
      sku: '45790-32',
      name: 'Monopoly: 3rd Edition',
      price: 19,
      quantity: 1,
      category: 'Games',
      url: 'https://www.example.com/product/path',
      image_url: 'https:///www.example.com/product/path.jpg',
    },
    { product_id: '505bd76785ebb509fc183733', sku: '46493-32', name: 'Uno Card Game', price: 3, quantity: 2, category: 'Games' },
  ],
};

/** Matches a thrown MemberkitError with this code and field. */
const memberkitError = (field: string, code = 'invalid_event') => expect.objectContaining({ name: 'MemberkitError', code, field });

describe('fromSegmentMessage on the spec examples', () => {
  it('reads the Order Completed example into exact minor units', () => {
    const e = fromSegmentMessage({ ...envelope, event: 'Order Completed', properties: orderCompletedSpec });
    expect(e.type).toBe('order_completed');
    if (e.type !== 'order_completed') return;
    expect(e.properties).toEqual({
      orderId: '50314b8e9bcf000000000000',
      currency: 'USD',
      total: 2750,
      subtotal: 2500,
      discount: 250,
      shipping: 300,
      tax: 200,
      coupons: ['hasbros'],
      storeId: 'Google Store',
      products: [
        { productId: '507f1f77bcf86cd799439011', sku: '45790-32', name: 'Monopoly: 3rd Edition', category: 'Games', price: 1900, quantity: 1 },
        { productId: '505bd76785ebb509fc183733', sku: '46493-32', name: 'Uno Card Game', category: 'Games', price: 300, quantity: 2 },
      ],
    });
    // The canonical invariant holds on the spec's own numbers: lines sum to the
    // subtotal, and total = subtotal − discount + shipping + tax.
    const p = e.properties;
    expect(p.products.reduce((s, l) => s + l.price * l.quantity, 0)).toBe(p.subtotal);
    expect(p.subtotal! - p.discount! + p.shipping! + p.tax!).toBe(p.total);
  });

  it('derives total from revenue when a source sends no total (Checkout Started-style payloads)', () => {
    const { total: _t, subtotal: _s, ...withoutTotals } = orderCompletedSpec;
    const e = fromSegmentMessage({ ...envelope, event: 'Order Completed', properties: withoutTotals });
    expect(e.type === 'order_completed' && [e.properties.total, e.properties.subtotal]).toEqual([2750, 2500]);
  });

  it('reads Checkout Started (value = total), Product Viewed (lower-case currency) and Product List Viewed', () => {
    const started = fromSegmentMessage({
      ...envelope,
      event: 'Checkout Started',
      properties: { order_id: '50314b8e9bcf000000000000', affiliation: 'Google Store', value: 30, revenue: 25.0, shipping: 3, tax: 2, discount: 2.5, coupon: 'hasbros', currency: 'USD', products: orderCompletedSpec.products },
    });
    expect(started.type === 'checkout_started' && started.properties.total).toBe(3000);
    const viewed = fromSegmentMessage({
      ...envelope,
      event: 'Product Viewed',
      properties: { product_id: '507f1f77bcf86cd799439011', sku: 'G-32', category: 'Games', name: 'Monopoly: 3rd Edition', brand: 'Hasbro', variant: '200 pieces', price: 18.99, quantity: 1, coupon: 'MAYDEALS', currency: 'usd', position: 3, value: 18.99 },
    });
    expect(viewed.properties).toEqual({ productId: '507f1f77bcf86cd799439011', sku: 'G-32', category: 'Games', name: 'Monopoly: 3rd Edition', brand: 'Hasbro', price: 1899, currency: 'USD' });
    const list = fromSegmentMessage({ ...envelope, event: 'Product List Viewed', properties: { list_id: 'hot_deals_1', category: 'Deals', products: orderCompletedSpec.products } });
    expect(list.properties).toEqual({ listId: 'hot_deals_1', category: 'Deals', productIds: ['507f1f77bcf86cd799439011', '505bd76785ebb509fc183733'] });
  });

  it('reads Product Reviewed with its string rating, Product Shared and Products Searched', () => {
    const reviewed = fromSegmentMessage({ ...envelope, event: 'Product Reviewed', properties: { product_id: '507f1f77bcf86cd799439011', review_id: 'kdfjrj39fj39jf3', review_body: 'I love this product', rating: '5' } });
    expect(reviewed.properties).toEqual({ productId: '507f1f77bcf86cd799439011', reviewId: 'kdfjrj39fj39jf3', rating: 5 });
    const shared = fromSegmentMessage({
      ...envelope,
      event: 'Product Shared',
      properties: { share_via: 'email', share_message: 'Hey, check out this item', recipient: 'friend@example.com', product_id: '507f1f77bcf86cd799439011', url: 'https://www.example.com/product/path' },
    });
    expect(shared.properties).toEqual({ productId: '507f1f77bcf86cd799439011', shareVia: 'email', url: 'https://www.example.com/product/path' });
    expect(fromSegmentMessage({ ...envelope, event: 'Products Searched', properties: { query: 'blue roses' } }).properties).toEqual({ query: 'blue roses' });
  });

  it('needs a currency for the Product Added example, which has none, and uses defaultCurrency when given', () => {
    const productAdded = {
      ...envelope,
      event: 'Product Added',
      properties: { cart_id: 'skdjsidjsdkdj29j', product_id: '507f1f77bcf86cd799439011', sku: 'G-32', category: 'Games', name: 'Monopoly: 3rd Edition', brand: 'Hasbro', price: 18.99, quantity: 1 },
    };
    expect(() => fromSegmentMessage(productAdded)).toThrow(memberkitError('properties.currency'));
    const e = fromSegmentMessage(productAdded, { defaultCurrency: 'USD' });
    expect(e.type === 'product_added' && [e.properties.price, e.properties.currency, e.properties.cartId]).toEqual([1899, 'USD', 'skdjsidjsdkdj29j']);
  });

  it('accepts the e-commerce v1 alias names the v2 spec lists', () => {
    expect(fromSegmentMessage({ ...envelope, event: 'Viewed Product', properties: { product_id: 'p1' } }).type).toBe('product_viewed');
  });

  it('reads page and identify calls, promoting traits.email / phone to identifiers', () => {
    const page = fromSegmentMessage({ type: 'page', messageId: 'm2', timestamp: '2026-03-01T02:00:00Z', anonymousId: 'a1', properties: { url: 'https://shop.example/p/1', title: 'P1' } });
    expect([page.type, page.properties]).toEqual(['page_viewed', { url: 'https://shop.example/p/1', title: 'P1' }]);
    const who = fromSegmentMessage({
      type: 'identify',
      messageId: 'm3',
      timestamp: '2026-03-01T02:00:00Z',
      userId: '97980cfea0067',
      traits: { name: 'Peter Gibbons', email: 'peter@example.com', plan: 'premium', logins: 5, address: { street: '6th St', city: 'San Francisco', state: 'CA' } },
    });
    expect(who.type).toBe('identified');
    expect(who.identifiers).toEqual({ email: 'peter@example.com' });
    expect(who.traits).toEqual({ name: 'Peter Gibbons', email: 'peter@example.com', plan: 'premium', logins: 5, city: 'San Francisco', region: 'CA' });
  });
});

describe('fromSegmentMessage money conversion', () => {
  it.each([
    ['CNY', 19.99, 1999],
    ['CNY', 0.07, 7],
    ['CNY', 1.005, 101],
    ['JPY', 1999, 1999],
    ['KWD', 1.234, 1234],
    ['KWD', 19.99, 19990],
    ['USD', '18.99', 1899],
  ])('%s %s → %s minor units exactly', (currency, price, minor) => {
    const e = fromSegmentMessage({ ...envelope, event: 'Product Added', properties: { product_id: 'p', price, quantity: 1, currency } });
    expect(e.type === 'product_added' && e.properties.price).toBe(minor);
  });

  it('writes minor units back as the same decimal (no float drift)', () => {
    const add = (price: number, currency: string) => toSegmentMessage({ id: 'e', type: 'product_added', timestamp: 0, anonymousId: 'a', properties: { productId: 'p', price, quantity: 1, currency } }).properties?.price;
    expect([add(1999, 'CNY'), add(1999, 'JPY'), add(1234, 'KWD'), add(10, 'CNY')]).toEqual([19.99, 1999, 1.234, 0.1]);
  });
});

describe('fromSegmentMessage on bad input', () => {
  it.each([
    ['an unknown track event', { ...envelope, event: 'Order Done', properties: {} }, 'event'],
    ['an unsupported call type', { ...envelope, type: 'group', properties: {} }, 'type'],
    ['no messageId', { type: 'track', event: 'Signed In', timestamp: '2026-01-01T00:00:00Z', userId: 'u' }, 'messageId'],
    ['no timestamp', { type: 'track', event: 'Signed In', messageId: 'm', userId: 'u' }, 'timestamp'],
    ['a missing order id', { ...envelope, event: 'Order Completed', properties: { ...orderCompletedSpec, order_id: undefined } }, 'properties.order_id'],
    ['a price that is not a number', { ...envelope, event: 'Order Completed', properties: { ...orderCompletedSpec, products: [{ product_id: 'p', price: 'free', quantity: 1 }] } }, 'properties.products.0.price'],
    ['a fractional quantity', { ...envelope, event: 'Order Completed', properties: { ...orderCompletedSpec, products: [{ product_id: 'p', price: 1, quantity: 1.5 }] } }, 'properties.products.0.quantity'],
    ['nobody to attribute the event to', { type: 'track', event: 'Signed In', messageId: 'm', timestamp: '2026-01-01T00:00:00Z' }, 'userId'],
  ])('%s → invalid_event naming %s', (_what, message, field) => {
    expect(() => fromSegmentMessage(message)).toThrow(memberkitError(field));
  });

  it('refuses non-objects without a bare TypeError', () => {
    for (const bad of [null, 'x', 42, []]) expect(() => fromSegmentMessage(bad)).toThrow(expect.objectContaining({ name: 'MemberkitError', code: 'invalid_event' }));
  });
});
