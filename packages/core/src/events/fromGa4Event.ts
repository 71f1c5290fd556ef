import { z } from 'zod';
import { MemberkitError } from '../errors/memberkitError.ts';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import type { Clock } from '../ports/clock.ts';
import { eventTypeFromGa4 } from './ga4EventNames.ts';
import { minorOrUndefined } from './mappedMoney.ts';
import type { MemberkitEvent } from './memberkitEvent.ts';
import { parseMappedEvent } from './parseMappedEvent.ts';
import { GA4_USER_CLIENT_ID_PREFIX } from './toGa4Event.ts';
import { withoutUndefined } from './withoutUndefined.ts';

type Dict = Record<string, unknown>;

const dict = z.record(z.string(), z.unknown());
const micros = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

const ga4PayloadSchema = z
  .object({
    client_id: z.string().min(1).optional(),
    app_instance_id: z.string().min(1).optional(),
    user_id: z.string().min(1).optional(),
    timestamp_micros: micros.optional(),
    user_properties: z.record(z.string(), z.object({ value: z.unknown() }).loose()).optional(),
    events: z.array(z.object({ name: z.string().min(1), params: dict.optional(), timestamp_micros: micros.optional() }).loose()).min(1),
  })
  .loose();

/**
 * Options for {@link fromGa4Event}.
 *
 * @example
 * ```ts
 * import type { FromGa4EventOptions } from '@memberkit/core';
 * const options: FromGa4EventOptions = { source: 'server', defaultCurrency: 'CNY' };
 * ```
 */
export interface FromGa4EventOptions {
  /**
   * Whether the payload comes from a trusted server. GA4 does not say, so
   * the default is `client`: a purchase read from GA4 never counts as a
   * server-reported order unless the caller vouches for it.
   */
  readonly source?: 'client' | 'server';
  /** Time for events with no `timestamp_micros` (GA4 would use the time it received them). */
  readonly clock?: Clock;
  /** Currency for events that carry amounts but no `currency` param. */
  readonly defaultCurrency?: string;
}

/**
 * Converts a GA4 Measurement Protocol body into validated canonical events,
 * one per entry of `events` (the inverse of {@link toGa4Event}). Amounts in
 * major units become integer minor units by the currency's exponent; an
 * item's `price` (after discount) plus its unit `discount` gives the
 * canonical unit price. GA4 has no message id: `params.event_id` is used when
 * present, otherwise a deterministic id is derived from client_id,
 * timestamp_micros, event name and index, so the same payload always maps to
 * the same ids and re-sending it is deduplicated. Unknown event names and
 * bad params throw `MemberkitError('invalid_event')` with `field` in GA4's
 * spelling (`events.0.name`, `events.0.params.items.0.item_id`).
 *
 * @example
 * ```ts
 * import { fromGa4Event } from '@memberkit/core';
 * fromGa4Event({ client_id: '123.456', timestamp_micros: 1767225600000000, events: [{ name: 'login', params: { method: 'wechat' } }] })[0].type;
 * //=> 'signed_in'
 * ```
 */
export function fromGa4Event(payload: unknown, options: FromGa4EventOptions = {}): MemberkitEvent[] {
  const body = parseOrThrow(ga4PayloadSchema, payload, 'invalid_event', 'GA4 payload');
  const clientId = body.client_id ?? body.app_instance_id;
  if (clientId === undefined) throw fail('client_id', 'GA4 payload has neither client_id nor app_instance_id');
  const anonymousId = body.user_id !== undefined && clientId === GA4_USER_CLIENT_ID_PREFIX + body.user_id ? undefined : clientId;
  const traits =
    body.user_properties === undefined ? undefined : Object.fromEntries(Object.entries(body.user_properties).map(([key, p]) => [key, p.value] as const));
  return body.events.map((ga4, index) => {
    const at = `events.${index}`;
    const type = eventTypeFromGa4(ga4.name);
    if (type === undefined) throw fail(`${at}.name`, `GA4 event ${JSON.stringify(ga4.name)} has no memberkit event; see GA4_EVENT_NAMES`);
    const tsMicros = ga4.timestamp_micros ?? body.timestamp_micros ?? (options.clock === undefined ? undefined : options.clock.now() * 1000);
    if (tsMicros === undefined) throw fail('timestamp_micros', 'GA4 payload has no timestamp_micros and no clock was given');
    const params = ga4.params ?? {};
    const id = typeof params.event_id === 'string' && params.event_id !== '' ? params.event_id : derivedEventId(clientId, tsMicros, ga4.name, index);
    const canonical = withoutUndefined({
      id,
      type,
      timestamp: Math.floor(tsMicros / 1000),
      anonymousId,
      userId: body.user_id,
      traits,
      context: contextFrom(type, params),
      source: options.source ?? 'client',
      properties: propertiesFrom(type, params, `${at}.params`, options.defaultCurrency),
    });
    return parseMappedEvent(canonical, (field) => ga4Field(field, at));
  });
}

function fail(field: string, message: string): MemberkitError {
  return new MemberkitError('invalid_event', message, { field, issues: [{ path: field.split('.'), field, code: 'invalid_value', message }] });
}

/**
 * 64 bits of FNV-1a (two 32-bit lanes with different offset bases) over the
 * text, as 16 hex digits: enough that distinct GA4 hits do not collide in
 * practice, and stable across runs and platforms.
 */
function derivedEventId(clientId: string, tsMicros: number, name: string, index: number): string {
  const text = `${clientId}|${tsMicros}|${name}|${index}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return `ga4_${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

function asDict(value: unknown): Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : {};
}

function idOf(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : (value ?? undefined);
}

function contextFrom(type: string, p: Dict): Dict | undefined {
  const page =
    type === 'page_viewed'
      ? withoutUndefined({ referrer: p.page_referrer })
      : withoutUndefined({ url: p.page_location, path: p.page_path, title: p.page_title, referrer: p.page_referrer });
  const utm = withoutUndefined({ source: p.campaign_source, medium: p.campaign_medium, campaign: p.campaign_name, term: p.campaign_term, content: p.campaign_content });
  const out = withoutUndefined({
    channel: p.channel,
    page: Object.keys(page).length === 0 ? undefined : page,
    utm: Object.keys(utm).length === 0 ? undefined : utm,
    scene: p.scene,
    referredBy: p.referred_by,
    storeId: idOf(p.store_id),
    // On visit_store, guide_id is the visit's own guide (a property), not context.
    guideId: type === 'store_visited' ? undefined : idOf(p.guide_id),
  });
  return Object.keys(out).length === 0 ? undefined : out;
}

function propertiesFrom(type: string, p: Dict, at: string, defaultCurrency: string | undefined): Dict {
  const currency = typeof p.currency === 'string' ? p.currency.trim().toUpperCase() : defaultCurrency;
  const curField = `${at}.currency`;
  const money = (key: string) => minorOrUndefined(p[key], currency, `${at}.${key}`, curField);
  const items = Array.isArray(p.items) ? p.items.map(asDict) : undefined;
  const lineAt = (i: number) => {
    const x = items?.[i] ?? {};
    // Validate both amounts first so a bad one is reported under its own name.
    const unitPrice = minorOrUndefined(x.price, currency, `${at}.items.${i}.price`, curField);
    const unitDiscount = minorOrUndefined(x.discount, currency, `${at}.items.${i}.discount`, curField) === undefined ? undefined : Number(x.discount);
    const quantity = x.quantity ?? 1;
    // GA4 price is after the unit discount: add it back for the canonical list price.
    const price = x.price === undefined ? undefined : minorOrUndefined(Number(x.price) + (unitDiscount ?? 0), currency, `${at}.items.${i}.price`, curField);
    return withoutUndefined({
      productId: idOf(x.item_id),
      sku: idOf(x.sku),
      name: x.item_name,
      category: x.item_category,
      brand: x.item_brand,
      price: unitPrice === undefined ? undefined : price,
      quantity,
      discount:
        unitDiscount === undefined || typeof quantity !== 'number' ? undefined : minorOrUndefined(unitDiscount * quantity, currency, `${at}.items.${i}.discount`, curField),
    });
  };
  const lines = () => items?.map((_, i) => lineAt(i)) ?? p.items;
  switch (type) {
    case 'page_viewed':
      return withoutUndefined({ url: p.page_location, path: p.page_path, title: p.page_title, dwellMs: p.engagement_time_msec });
    case 'product_viewed': {
      const x = items?.[0] ?? {};
      return withoutUndefined({
        productId: idOf(x.item_id),
        sku: idOf(x.sku),
        name: x.item_name,
        category: x.item_category,
        brand: x.item_brand,
        price: minorOrUndefined(x.price, currency, `${at}.items.0.price`, curField) ?? money('value'),
        currency,
        dwellMs: p.engagement_time_msec,
      });
    }
    case 'product_list_viewed':
      return withoutUndefined({ listId: p.item_list_id, category: p.item_list_name, productIds: items?.map((x) => idOf(x.item_id)) });
    case 'products_searched':
      return { query: p.search_term };
    case 'product_favorited':
    case 'product_unfavorited':
      return withoutUndefined({ productId: idOf(items?.[0]?.item_id), category: items?.[0]?.item_category });
    case 'product_added':
    case 'product_removed':
      return withoutUndefined({ cartId: p.cart_id, ...lineAt(0), currency });
    case 'checkout_started':
      return withoutUndefined({ checkoutId: p.checkout_id, orderId: idOf(p.transaction_id), currency, total: money('value'), products: lines() });
    case 'checkout_step_completed':
      return withoutUndefined({ checkoutId: p.checkout_id, step: p.checkout_step, option: p.checkout_option });
    case 'order_completed': {
      const value = money('value');
      const shipping = money('shipping');
      const tax = money('tax');
      return withoutUndefined({
        orderId: idOf(p.transaction_id),
        currency,
        // GA4 value excludes shipping and tax; the canonical total is what the customer paid.
        total: value === undefined ? undefined : value + (shipping ?? 0) + (tax ?? 0),
        subtotal: money('subtotal'),
        discount: money('discount'),
        shipping,
        tax,
        pointsRedeemed: p.points_redeemed,
        products: lines(),
        coupons: typeof p.coupon === 'string' && p.coupon !== '' ? p.coupon.split(',').map((c) => c.trim()) : undefined,
        storeId: idOf(p.location_id),
      });
    }
    case 'order_refunded':
      return withoutUndefined({
        orderId: idOf(p.transaction_id),
        refundId: idOf(p.refund_id),
        currency,
        total: money('value'),
        products: items?.map((x, i) => {
          const quantity = x.quantity ?? 1;
          return withoutUndefined({
            productId: idOf(x.item_id),
            sku: idOf(x.sku),
            quantity,
            amount: x.price === undefined ? undefined : minorOrUndefined(Number(x.price) * Number(quantity), currency, `${at}.items.${i}.price`, curField),
          });
        }),
      });
    case 'product_reviewed':
      return withoutUndefined({ productId: idOf(p.item_id), reviewId: idOf(p.review_id), rating: p.rating });
    case 'product_shared':
      return withoutUndefined({ productId: idOf(p.item_id), shareVia: p.method, url: p.link_url });
    case 'signed_in':
    case 'signed_up':
      return withoutUndefined({ method: p.method });
    case 'store_visited':
      return withoutUndefined({ storeId: idOf(p.location_id), guideId: idOf(p.guide_id), note: p.note });
    case 'coupon_claimed':
      return withoutUndefined({ couponId: idOf(p.coupon_id), templateId: idOf(p.template_id), code: p.coupon });
    case 'coupon_used':
      return withoutUndefined({ couponId: idOf(p.coupon_id), code: p.coupon, orderId: idOf(p.transaction_id), discount: money('discount'), currency });
    default:
      return {};
  }
}

const PROPERTY_NAMES: Readonly<Record<string, string>> = {
  products: 'items',
  productIds: 'items',
  productId: 'item_id',
  orderId: 'transaction_id',
  total: 'value',
  name: 'item_name',
  category: 'item_category',
  brand: 'item_brand',
  query: 'search_term',
  listId: 'item_list_id',
  shareVia: 'method',
  url: 'page_location',
  dwellMs: 'engagement_time_msec',
  storeId: 'location_id',
  code: 'coupon',
  coupons: 'coupon',
  step: 'checkout_step',
  option: 'checkout_option',
  amount: 'price',
};

function ga4Field(field: string, at: string): string {
  const [head, ...rest] = field.split('.');
  if (head === 'properties') {
    return [`${at}.params`, ...rest.map((part) => PROPERTY_NAMES[part] ?? part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))].join('.');
  }
  if (head === 'anonymousId') return 'client_id';
  if (head === 'userId') return 'user_id';
  if (head === 'traits') return ['user_properties', ...rest].join('.');
  return field;
}
