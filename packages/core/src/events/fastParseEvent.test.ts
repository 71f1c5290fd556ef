import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, fastParseEvent, memberkitEventSchema, MemberkitError, parseEvent } from '../index.ts';
import { fastParseEventForStore } from './fastParseEvent.ts';
import { parseEventForStore } from './memberkitEvent.ts';
import { eventPropertySchemas } from './eventSchema.ts';
import { ORDER_PROPERTY_KEYS } from './orderPropertyReaders.ts';

// Key order is part of "the same output": compare entries, recursively.
const entries = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(entries) : v !== null && typeof v === 'object' ? Object.entries(v).map(([k, x]) => [k, entries(x)]) : v;

const long = (n: number) => 'x'.repeat(n);
const edgyString = fc.constantFrom('p1', 'CNY', 'cny', 'baby', '', ' p1', 'p1 ', '\u3000p1', 'female', 'gold', '2026-01-01', long(100), long(101), long(201), long(501), long(2001));
const edgyNumber = fc.constantFrom(0, 1, 3, 5, 9900, -1, 1.5, 5.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY);
const scalar = fc.oneof(edgyString, edgyNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));
const lineItem = fc.record(
  { productId: scalar, category: scalar, price: scalar, quantity: scalar, sku: scalar, discount: scalar, junk: scalar },
  { requiredKeys: [] },
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(lineItem, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(edgyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('channel', 'storeId', 'scene', 'nope'), scalar, { maxKeys: 2 }) },
);
const PROPERTY_KEYS = ['productId', 'category', 'price', 'quantity', 'currency', 'dwellMs', 'query', 'orderId', 'total', 'products', 'coupons', 'storeId', 'method', 'rating', 'step', 'url', 'vitals', 'productIds', 'refundId', 'junk'] as const;
const properties = fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), value, { maxKeys: 6 });
const traits = fc.dictionary(fc.constantFrom('gender', 'name', 'birthday', 'level', 'vip'), scalar, { maxKeys: 3 });
const identifiers = fc.dictionary(fc.constantFrom('phone', 'email', 'memberCardNo', 'openid', 'wechat'), scalar, { maxKeys: 2 });

// Anything event-like, mostly broken in some small way.
const anyEvent = fc.record(
  {
    id: fc.oneof(edgyString, edgyNumber),
    type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.constant('nope')),
    timestamp: fc.oneof(edgyNumber, fc.constant('2026-03-01T10:00:00Z'), fc.constant(1_772_000_000_000)),
    anonymousId: scalar,
    userId: scalar,
    identifiers: fc.oneof(identifiers, scalar),
    traits: fc.oneof(traits, scalar),
    context: fc.oneof(fc.dictionary(fc.constantFrom('channel', 'storeId', 'scene', 'nope'), scalar, { maxKeys: 2 }), scalar),
    source: fc.oneof(fc.constantFrom('client', 'server', 'browser'), scalar),
    properties: fc.oneof({ weight: 5, arbitrary: properties }, { weight: 1, arbitrary: scalar }),
    extra: scalar,
  },
  { requiredKeys: ['type', 'properties'] },
);

// Well-formed events of the kinds a shop sends most: the fast path must take them.
const word = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
const money = fc.integer({ min: 0, max: 10_000_000 });
const line = fc.record({ productId: word, category: fc.constantFrom('baby', 'toys'), price: money, quantity: fc.integer({ min: 1, max: 9 }) });
const fullLine = fc.record({ productId: word, sku: word, name: fc.string({ maxLength: 8 }), category: word, brand: word, price: money, quantity: fc.integer({ min: 1, max: 9 }), discount: money }, { requiredKeys: ['productId', 'price', 'quantity'] });
const envelope = { id: word, timestamp: fc.integer({ min: 0, max: 2_000_000_000_000 }), anonymousId: word };
const commonEvent = fc.oneof(
  fc.record({ ...envelope, type: fc.constant('product_viewed'), properties: fc.record({ productId: word, category: word, dwellMs: money }, { requiredKeys: ['productId'] }) }),
  fc.record({ ...envelope, type: fc.constant('product_added'), properties: fc.record({ productId: word, price: money, quantity: fc.integer({ min: 1, max: 9 }), currency: fc.constantFrom('CNY', 'USD') }) }),
  fc.record({ ...envelope, type: fc.constant('products_searched'), properties: fc.record({ query: fc.string({ maxLength: 30 }) }) }),
  fc.record({ ...envelope, type: fc.constant('signed_in'), userId: word, identifiers: fc.record({ phone: fc.constantFrom('13812345678', '+8613912345678') }), traits: fc.record({ gender: fc.constantFrom('female', 'male'), level: fc.integer() }, { requiredKeys: [] }), properties: fc.constant({}) }),
  fc.record({ ...envelope, type: fc.constant('order_completed'), source: fc.constant('server'), userId: word, properties: fc.record({ orderId: word, currency: fc.constant('CNY'), total: money, products: fc.array(line, { minLength: 1, maxLength: 4 }), coupons: fc.array(word, { maxLength: 2 }) }, { requiredKeys: ['orderId', 'currency', 'total', 'products'] }) }),
  // Orders and refunds with any of their optional keys (their properties have readers of their own).
  fc.record({ ...envelope, type: fc.constant('order_completed'), source: fc.constant('server'), userId: word, properties: fc.record({ orderId: word, currency: fc.constant('CNY'), total: money, subtotal: money, discount: money, shipping: money, tax: money, pointsRedeemed: money, products: fc.array(fullLine, { minLength: 1, maxLength: 3 }), coupons: fc.array(word, { maxLength: 2 }), storeId: word }, { requiredKeys: ['orderId', 'currency', 'total', 'products'] }) }),
  fc.record({ ...envelope, type: fc.constant('order_refunded'), source: fc.constant('server'), userId: word, properties: fc.record({ orderId: word, refundId: word, currency: fc.constant('CNY'), total: money, products: fc.array(fc.record({ productId: word, sku: word, quantity: fc.integer({ min: 1, max: 9 }), amount: money }, { requiredKeys: ['productId', 'quantity'] }), { maxLength: 3 }) }, { requiredKeys: ['orderId', 'currency'] }) }),
  fc.record({ ...envelope, type: fc.constant('page_viewed'), context: fc.record({ channel: fc.constantFrom('h5', 'web'), utm: fc.record({ source: word }) }), properties: fc.record({ path: word, dwellMs: money }) }),
);

// Well-formed events with one or two fields broken, removed or added: most
// land near the boundary between accepted and rejected.
const DELETE = Symbol('delete');
const clone = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(clone) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) : v;
const ENVELOPE_KEYS = ['id', 'type', 'timestamp', 'anonymousId', 'userId', 'identifiers', 'traits', 'context', 'source', 'properties', 'extra'] as const;
const mutation = fc.record({
  at: fc.constantFrom('envelope', 'properties', 'line'),
  key: fc.constantFrom(...ENVELOPE_KEYS, ...PROPERTY_KEYS),
  value: fc.oneof(value, fc.constant(DELETE)),
});
const mutatedEvent = fc.tuple(commonEvent, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([event, changes]) => {
  const copy = clone(event) as Record<string, unknown>;
  for (const { at, key, value: v } of changes) {
    const props = copy.properties !== null && typeof copy.properties === 'object' ? (copy.properties as Record<string, unknown>) : copy;
    const products = props.products;
    const first: unknown = Array.isArray(products) ? products[0] : undefined;
    const target = at === 'envelope' ? copy : at === 'line' && first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : props;
    if (v === DELETE) delete target[key];
    else target[key] = v;
  }
  return copy;
});
const someEvent = fc.oneof(commonEvent, mutatedEvent, anyEvent);

describe('fastParseEvent', () => {
  it('never accepts what the zod schema rejects, and returns exactly its output', () => {
    let accepted = 0;
    fc.assert(
      fc.property(someEvent, (input) => {
        const fast = fastParseEvent(input);
        if (fast === undefined) return;
        accepted++;
        const ref = memberkitEventSchema.safeParse(input);
        expect(ref.success).toBe(true);
        expect(entries(fast)).toEqual(entries(ref.data));
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the accepting side often, or the property says little.
    expect(accepted).toBeGreaterThan(500);
  });

  it('takes every well-formed common event (no silent fallback), equal to zod', () => {
    fc.assert(
      fc.property(commonEvent, (input) => {
        const fast = fastParseEvent(input);
        const ref = memberkitEventSchema.safeParse(input);
        expect(ref.success).toBe(true);
        expect(fast).toBeDefined();
        expect(entries(fast)).toEqual(entries(ref.data));
      }),
      { numRuns: 1000 },
    );
  });

  it('parseEvent accepts exactly what zod accepts, with zod issues on errors', () => {
    fc.assert(
      fc.property(someEvent, (input) => {
        const ref = memberkitEventSchema.safeParse(input);
        let parsed: unknown;
        let error: unknown;
        try {
          parsed = parseEvent(input);
        } catch (e) {
          error = e;
        }
        if (error !== undefined) {
          expect(error).toBeInstanceOf(MemberkitError);
          expect((error as MemberkitError).issues.length).toBeGreaterThan(0);
          // Either zod rejects it, or it names nobody (the one rule beyond the schema).
          if (ref.success) expect((error as MemberkitError).field).toBe('userId');
        } else {
          expect(ref.success).toBe(true);
          expect(entries(parsed)).toEqual(entries(ref.data));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves ISO timestamps, untrimmed ids and unknown envelope or identifier keys to zod', () => {
    const base = { id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: {} };
    expect(fastParseEvent(base)).toEqual({ ...base, source: 'client' });
    expect(fastParseEvent({ ...base, timestamp: '2026-01-01T00:00:00Z' })).toBeUndefined();
    expect(fastParseEvent({ ...base, userId: ' u1' })).toBeUndefined();
    expect(fastParseEvent({ ...base, extra: 1 })).toBeUndefined();
    expect(fastParseEvent({ ...base, identifiers: { phone: '13812345678', fax: '1' } })).toBeUndefined();
    expect(parseEvent({ ...base, userId: ' u1 ', properties: { method: 'sms', extra: 1 } })).toMatchObject({ userId: 'u1', properties: { method: 'sms' } });
  });

  it('drops unknown property keys exactly as zod does, but leaves keys zod knows and it does not to zod', () => {
    const base = { id: 'e1', type: 'signed_in', timestamp: 0, userId: 'u1', properties: { method: 'sms', extra: 1 } };
    expect(fastParseEvent(base)).toEqual(memberkitEventSchema.parse(base));
    expect(JSON.stringify(fastParseEvent(base))).toBe(JSON.stringify(memberkitEventSchema.parse(base)));
    const added = { id: 'e2', type: 'product_added', timestamp: 0, anonymousId: 'a1', properties: { zzz: true, currency: 'CNY', quantity: 1, price: 100, productId: 'p1' } };
    expect(JSON.stringify(fastParseEvent(added))).toBe(JSON.stringify(memberkitEventSchema.parse(added)));
    // A page view's vitals are known to zod, not to the fast check: never dropped.
    const page = { id: 'e3', type: 'page_viewed', timestamp: 0, anonymousId: 'a1', properties: { url: '/x', vitals: { lcp: 1200 } } };
    expect(fastParseEvent(page)).toBeUndefined();
    // Line items of an order are checked key by key: unknown keys there take the zod path.
    const order = { id: 'e4', type: 'order_completed', timestamp: 0, userId: 'u1', properties: { orderId: 'o1', currency: 'CNY', total: 100, products: [{ productId: 'p1', price: 100, quantity: 1, colour: 'red' }] } };
    expect(fastParseEvent(order)).toBeUndefined();
    expect(parseEvent(order)).toEqual(memberkitEventSchema.parse(order));
  });

  it('leaves non-enumerable and inherited keys, which zod reads, to zod', () => {
    const hidden = (o: object, key: string, value: unknown): object => Object.defineProperty(o, key, { value, enumerable: false });
    const base = () => ({ id: 'e1', type: 'product_viewed', timestamp: 0, anonymousId: 'a1', properties: { productId: 'p1' } });
    expect(fastParseEvent(base())).toBeDefined();
    expect(fastParseEvent(hidden(base(), 'userId', 'u1'))).toBeUndefined();
    const props = base();
    hidden(props.properties, 'category', 'baby');
    expect(fastParseEvent(props)).toBeUndefined();
    expect(parseEvent(props)).toEqual(memberkitEventSchema.parse(props));
    const inherited = Object.assign(Object.create({ userId: 'u1' }) as object, base());
    expect(fastParseEvent(inherited)).toBeUndefined();
  });

  it('leaves an order or refund with a hidden or inherited optional key, in its properties or a line, to zod', () => {
    const hidden = (o: object, key: string, value: unknown): object => Object.defineProperty(o, key, { value, enumerable: false });
    const order = () => ({ id: 'e1', type: 'order_completed', timestamp: 0, userId: 'u1', source: 'server', properties: { orderId: 'o1', currency: 'CNY', total: 100, products: [{ productId: 'p1', price: 100, quantity: 1 }] } as Record<string, unknown> });
    const refund = () => ({ id: 'e2', type: 'order_refunded', timestamp: 0, userId: 'u1', source: 'server', properties: { orderId: 'o1', currency: 'CNY', total: 50 } as Record<string, unknown> });
    expect(fastParseEvent(order())).toBeDefined();
    expect(fastParseEvent(refund())).toBeDefined();
    const cases: object[] = [];
    for (const key of ['subtotal', 'discount', 'shipping', 'tax', 'pointsRedeemed', 'storeId']) {
      const a = order();
      hidden(a.properties, key, key === 'storeId' ? 's1' : 5);
      cases.push(a);
      const b = order();
      b.properties = Object.assign(Object.create({ [key]: key === 'storeId' ? 's1' : 5 }) as object, b.properties);
      cases.push(b);
    }
    for (const key of ['sku', 'name', 'category', 'brand', 'discount']) {
      const a = order();
      hidden((a.properties.products as object[])[0]!, key, key === 'discount' ? 5 : 'x');
      cases.push(a);
    }
    for (const key of ['refundId', 'products']) {
      const a = refund();
      hidden(a.properties, key, key === 'products' ? [] : 'r1');
      cases.push(a);
    }
    for (const input of cases) {
      expect(fastParseEvent(input)).toBeUndefined();
      expect(entries(parseEvent(input))).toEqual(entries(memberkitEventSchema.parse(input)));
    }
  });

  it('for the store: the same event with a trailing empty profileId, from the fast path and the zod path alike', () => {
    fc.assert(
      fc.property(someEvent, (input) => {
        const fast = fastParseEvent(input);
        const stored = fastParseEventForStore(input);
        if (fast === undefined) expect(stored).toBeUndefined();
        else expect(entries(stored)).toEqual([...(entries(fast) as unknown[]), ['profileId', '']]);
      }),
      { numRuns: 1000 },
    );
    const iso = { id: 'e1', type: 'signed_in', timestamp: '2026-01-01T00:00:00Z', userId: 'u1', properties: {} };
    expect(parseEventForStore(iso)).toEqual(parseEvent(iso));
    expect(() => parseEventForStore({ ...iso, userId: undefined })).toThrow(MemberkitError);
  });

  it('checks an event whose property getter checks another event on the way', () => {
    const inner = { id: 'e2', type: 'product_viewed', timestamp: 0, anonymousId: 'a2', properties: { productId: 'p2', category: 'toys' } };
    let nested: unknown;
    const outer = {
      id: 'e1',
      type: 'product_viewed',
      timestamp: 0,
      anonymousId: 'a1',
      properties: {
        get productId() {
          nested = fastParseEvent(inner);
          return 'p1';
        },
        category: 'baby',
      },
    };
    expect(fastParseEvent(outer)?.properties).toEqual({ productId: 'p1', category: 'baby' });
    expect((nested as { properties: unknown }).properties).toEqual({ productId: 'p2', category: 'toys' });
    // The slots are clean for the next event: nothing of the last one leaks in.
    expect(fastParseEvent({ ...inner, properties: { productId: 'p3' } })?.properties).toEqual({ productId: 'p3' });
  });
});

describe('the hand-written order readers', () => {
  it('know exactly the keys zod declares, so an unknown key is dropped on the fast path as zod drops it', () => {
    expect(Object.keys(eventPropertySchemas.order_completed.shape).sort()).toEqual([...ORDER_PROPERTY_KEYS.order_completed].sort());
    expect(Object.keys(eventPropertySchemas.order_refunded.shape).sort()).toEqual([...ORDER_PROPERTY_KEYS.order_refunded].sort());
    const event = { id: 'e1', type: 'order_refunded', timestamp: 0, userId: 'm1', source: 'server', properties: { orderId: 'o1', currency: 'CNY', total: 5, via: 'app' } };
    expect(fastParseEvent(event)?.properties).toEqual({ orderId: 'o1', currency: 'CNY', total: 5 });
  });
});
