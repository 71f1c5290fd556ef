import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, fromGa4Event, fromSegmentMessage, parseEvent, toGa4Event, toSegmentMessage, type EventType, type MemberkitEvent } from '../index.ts';

// Generators of valid canonical events, one per type, covering every optional
// field the schema has, so the round trips below exercise every mapping rule.

const id = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
const text = fc.oneof(fc.constantFrom('奶粉', 'Monopoly: 3rd Edition', 'Baby & Kids', 'ünïcødé'), fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/));
const currency = fc.constantFrom('CNY', 'JPY', 'KWD', 'USD');
const money = fc.integer({ min: 0, max: 500_000_000 });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const lineItem = fc
  .record({ productId: id, sku: opt(id), name: opt(text), category: opt(text), brand: opt(text), price: money, quantity: fc.integer({ min: 1, max: 1000 }) })
  .chain((line) =>
    opt(fc.integer({ min: 0, max: line.price * line.quantity })).map((discount) => ({ ...line, discount })),
  );

const propertiesFor: { [K in EventType]: fc.Arbitrary<Record<string, unknown>> } = {
  page_viewed: fc.record({ url: opt(fc.webUrl()), path: opt(fc.constantFrom('/', '/p/1', '/活动')), title: opt(text), dwellMs: opt(fc.nat(3_600_000)) }),
  product_viewed: fc.record({ productId: id, sku: opt(id), name: opt(text), category: opt(text), brand: opt(text), dwellMs: opt(fc.nat(3_600_000)) }).chain((p) =>
    fc.oneof(fc.constant(p), fc.record({ currency, price: opt(money) }).map((m) => ({ ...p, ...m }))),
  ),
  product_list_viewed: fc.record({ listId: opt(id), category: opt(text), productIds: opt(fc.array(id, { maxLength: 5 })) }),
  products_searched: fc.record({ query: text }),
  product_favorited: fc.record({ productId: id, category: opt(text) }),
  product_unfavorited: fc.record({ productId: id, category: opt(text) }),
  product_added: fc.tuple(lineItem, opt(id), currency).map(([l, cartId, c]) => ({ ...l, cartId, currency: c })),
  product_removed: fc.tuple(lineItem, opt(id), currency).map(([l, cartId, c]) => ({ ...l, cartId, currency: c })),
  checkout_started: fc.record({ checkoutId: opt(id), orderId: opt(id), currency, total: opt(money), products: opt(fc.array(lineItem, { maxLength: 3 })) }),
  checkout_step_completed: fc.record({ checkoutId: opt(id), step: fc.integer({ min: 1, max: 9 }), option: opt(text) }),
  order_completed: fc.record({
    orderId: id,
    currency,
    total: money,
    subtotal: opt(money),
    discount: opt(money),
    shipping: opt(money),
    tax: opt(money),
    pointsRedeemed: opt(fc.nat(100_000)),
    products: fc.array(lineItem, { minLength: 1, maxLength: 3 }),
    coupons: opt(fc.array(fc.stringMatching(/^[A-Z0-9_]{1,10}$/), { minLength: 1, maxLength: 3 })),
    storeId: opt(id),
  }),
  order_refunded: fc.record({
    orderId: id,
    refundId: opt(id),
    currency,
    total: opt(money),
    products: opt(fc.array(fc.record({ productId: id, sku: opt(id), quantity: fc.integer({ min: 1, max: 50 }), amount: opt(money) }), { maxLength: 3 })),
  }),
  product_reviewed: fc.record({ productId: id, reviewId: opt(id), rating: opt(fc.integer({ min: 0, max: 10 }).map((x) => x / 2)) }),
  product_shared: fc.record({ productId: opt(id), shareVia: opt(fc.constantFrom('wechat', 'moments', 'email')), url: opt(fc.webUrl()) }),
  signed_in: fc.record({ method: opt(fc.constantFrom('wechat', 'phone', 'password')) }),
  signed_up: fc.record({ method: opt(fc.constantFrom('wechat', 'phone', 'password')) }),
  store_visited: fc.record({ storeId: id, guideId: opt(id), note: opt(text) }),
  coupon_claimed: fc.record({ couponId: opt(id), templateId: opt(id), code: opt(fc.stringMatching(/^[A-Z0-9]{4,10}$/)) }),
  coupon_used: fc.record({ couponId: opt(id), code: opt(fc.stringMatching(/^[A-Z0-9]{4,10}$/)), orderId: opt(id) }).chain((p) =>
    fc.oneof(fc.constant(p), fc.record({ currency, discount: opt(money) }).map((m) => ({ ...p, ...m }))),
  ),
  identified: fc.constant({}),
};

const context = fc.record(
  {
    channel: fc.constantFrom('web', 'wechat_miniprogram', 'pos'),
    page: fc.record({ url: opt(fc.webUrl()), path: opt(fc.constantFrom('/', '/p/1')), title: opt(text), referrer: opt(fc.webUrl()) }),
    utm: fc.record({ source: opt(id), medium: opt(id), campaign: opt(id), term: opt(text), content: opt(id) }),
    referrer: fc.webUrl(),
    scene: fc.oneof(fc.constantFrom(1011, 1047), fc.constant('store_scan')),
    referredBy: id,
    storeId: id,
    guideId: id,
    device: fc.record({ type: opt(fc.constantFrom('mobile', 'desktop')), os: opt(fc.constantFrom('iOS 18', 'Android 15')), model: opt(text) }),
    locale: fc.constantFrom('zh-CN', 'en-US'),
    timezone: fc.constantFrom('Asia/Shanghai', 'UTC'),
    userAgent: text,
    ip: fc.constantFrom('203.0.113.7', '2001:db8::1'),
  },
  { requiredKeys: [] },
);

const traits = (ga4: boolean) =>
  fc.record(
    {
      name: text,
      gender: fc.constantFrom('female', 'male', 'other', 'unknown'),
      birthday: fc.constantFrom('1990-05-17', '2001-12-31'),
      city: fc.constantFrom('上海', 'Hangzhou'),
      tier: fc.constantFrom('gold', 'silver'),
      points: fc.nat(1_000_000),
      ...(ga4 ? {} : { vip: fc.boolean(), note: fc.constant(null) }),
    },
    { requiredKeys: [] },
  );

const identifiers = fc.record(
  { phone: fc.constantFrom('+8613800138000'), email: fc.constantFrom('a@example.com'), memberCardNo: id, openid: id, unionid: id },
  { requiredKeys: [] },
);

/** A valid canonical event of the given type, normalised by parseEvent. */
const eventOf = (type: EventType, forGa4: boolean) =>
  fc
    .record({
      id,
      timestamp: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      anonymousId: opt(id),
      userId: opt(id),
      identifiers: forGa4 ? fc.constant(undefined) : opt(identifiers),
      traits: opt(traits(forGa4)),
      context: opt(context),
      source: fc.constantFrom('client' as const, 'server' as const),
      properties: propertiesFor[type],
    })
    .filter((e) => e.anonymousId !== undefined || e.userId !== undefined || (e.identifiers !== undefined && Object.keys(e.identifiers).length > 0))
    .map((e) => parseEvent({ ...e, type }));

/** Drops empty objects the way a wire format without them does. */
function withoutEmptyContext(e: MemberkitEvent): MemberkitEvent {
  return e.context !== undefined && Object.keys(e.context).length === 0 ? { ...e, context: undefined } : e;
}

/**
 * What GA4 can carry of an event, as docs/events.md lists it: no identifiers
 * (personal data), no device / locale / timezone / user agent / IP / bare
 * referrer, one page per page_view, guide_id on visit_store is the visit's.
 */
function ga4Carried(e: MemberkitEvent): MemberkitEvent {
  const c = e.context;
  let context: Record<string, unknown> | undefined;
  if (c !== undefined) {
    const defined = (o: object | undefined) => (o === undefined ? undefined : Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    const page = defined(e.type === 'page_viewed' ? { referrer: c.page?.referrer } : c.page);
    const utm = defined(c.utm);
    context = Object.fromEntries(
      Object.entries({
        channel: c.channel,
        page: page !== undefined && Object.keys(page).length > 0 ? page : undefined,
        utm: utm !== undefined && Object.keys(utm).length > 0 ? utm : undefined,
        scene: c.scene,
        referredBy: c.referredBy,
        storeId: c.storeId,
        guideId: e.type === 'store_visited' ? undefined : c.guideId,
      }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(context).length === 0) context = undefined;
  }
  return { ...e, identifiers: undefined, context } as MemberkitEvent;
}

/** The JSON form: absent and `undefined` keys are the same thing on the wire. */
function strip(e: MemberkitEvent): unknown {
  return JSON.parse(JSON.stringify(e));
}

describe('canonical → Segment → canonical', () => {
  for (const type of EVENT_TYPES) {
    it(`round-trips every ${type} exactly`, () => {
      fc.assert(
        fc.property(eventOf(type, false), (event) => {
          const message = toSegmentMessage(event);
          // The wire message must be plain JSON: what a collector actually receives.
          const back = fromSegmentMessage(JSON.parse(JSON.stringify(message)));
          expect(strip(back)).toEqual(strip(withoutEmptyContext(event)));
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('canonical → GA4 → canonical', () => {
  for (const type of EVENT_TYPES) {
    it(`round-trips every ${type} up to what GA4 cannot carry`, () => {
      fc.assert(
        fc.property(
          eventOf(type, true).filter((e) => e.anonymousId !== undefined || e.userId !== undefined),
          (event) => {
            const payload = JSON.parse(JSON.stringify(toGa4Event(event)));
            const back = fromGa4Event(payload, { source: event.source });
            expect(back).toHaveLength(1);
            expect(strip(back[0]!)).toEqual(strip(ga4Carried(event)));
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
