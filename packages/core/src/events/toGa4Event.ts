import type { z } from 'zod';
import { MemberkitError } from '../errors/memberkitError.ts';
import { currencyExponent, toMajorUnits } from '../money/currency.ts';
import type { lineItemSchema } from './eventSchema.ts';
import { GA4_EVENT_NAMES } from './ga4EventNames.ts';
import { majorOrUndefined } from './mappedMoney.ts';
import { parseEvent, type MemberkitEvent, type MemberkitEventInput } from './memberkitEvent.ts';
import { withoutUndefined } from './withoutUndefined.ts';

/**
 * One GA4 ecommerce item. As GA4 prescribes, `price` is the unit price
 * after the item's discount and `discount` the unit discount, both in major
 * units. `sku` is a custom item parameter.
 *
 * @example
 * ```ts
 * import type { Ga4Item } from '@memberkit/core';
 * const item: Ga4Item = { item_id: 'SKU_123', item_name: 'Blue Widget', price: 8, discount: 2, quantity: 3 };
 * ```
 */
export interface Ga4Item {
  item_id: string;
  item_name?: string;
  item_category?: string;
  item_brand?: string;
  sku?: string;
  price?: number;
  quantity?: number;
  discount?: number;
}

/**
 * One event of a GA4 Measurement Protocol request.
 *
 * @example
 * ```ts
 * import type { Ga4Event } from '@memberkit/core';
 * const e: Ga4Event = { name: 'login', params: { method: 'wechat' } };
 * ```
 */
export interface Ga4Event {
  name: string;
  params: Record<string, unknown>;
}

/**
 * A GA4 Measurement Protocol request body (POST /mp/collect).
 *
 * @example
 * ```ts
 * import type { Ga4Payload } from '@memberkit/core';
 * const body: Ga4Payload = { client_id: '123.456', timestamp_micros: 1767225600000000, events: [{ name: 'search', params: { search_term: 't-shirts' } }] };
 * ```
 */
export interface Ga4Payload {
  client_id: string;
  user_id?: string;
  timestamp_micros: number;
  user_properties?: Record<string, { value: string | number }>;
  events: Ga4Event[];
}

/**
 * Prefix of the `client_id` memberkit makes up for an event that has a
 * `userId` but no `anonymousId` (GA4 requires a client id);
 * {@link fromGa4Event} recognises it and restores "no anonymous id".
 *
 * @example
 * ```ts
 * import { GA4_USER_CLIENT_ID_PREFIX } from '@memberkit/core';
 * GA4_USER_CLIENT_ID_PREFIX + 'u1';
 * //=> 'mk_user.u1'
 * ```
 */
export const GA4_USER_CLIENT_ID_PREFIX = 'mk_user.';

/**
 * Converts a canonical event into a GA4 Measurement Protocol body with one
 * event: `client_id` from `anonymousId`, `user_id`, `timestamp_micros`, the
 * GA4 event name from {@link GA4_EVENT_NAMES}, params with money in major
 * units (`currency`, `value`, `transaction_id`, `items[]` with `item_id`,
 * `item_name`, `item_category`, `item_brand`, `price`, `quantity`,
 * `discount`), the event id as `event_id`, UTM as `campaign_*`, and traits as
 * `user_properties`. GA4 forbids personal data, so `identifiers` (phone,
 * email, member card, WeChat ids) are never sent. The input is validated with
 * `parseEvent` first.
 *
 * @example
 * ```ts
 * import { toGa4Event } from '@memberkit/core';
 * toGa4Event({ id: 'e1', type: 'products_searched', timestamp: 1000, anonymousId: '123.456', properties: { query: 't-shirts' } }).events[0];
 * //=> { name: 'search', params: { event_id: 'e1', search_term: 't-shirts' } }
 * ```
 */
export function toGa4Event(input: MemberkitEventInput | MemberkitEvent): Ga4Payload {
  const event = parseEvent(input);
  const clientId = event.anonymousId ?? (event.userId === undefined ? undefined : GA4_USER_CLIENT_ID_PREFIX + event.userId);
  if (clientId === undefined) {
    throw new MemberkitError('invalid_event', 'GA4 needs a client_id: give the event an anonymousId or userId (identifiers are personal data GA4 may not receive)', {
      field: 'anonymousId',
      issues: [{ path: ['anonymousId'], field: 'anonymousId', code: 'custom', message: 'anonymousId or userId required for GA4' }],
    });
  }
  const traits = event.traits;
  const userProperties: Record<string, { value: string | number }> = {};
  for (const [key, value] of Object.entries(traits ?? {})) {
    // GA4 user property values are strings or numbers; null means "unset" and is left out.
    if (value !== null && value !== undefined) userProperties[key] = { value: typeof value === 'boolean' ? String(value) : value };
  }
  return withoutUndefined({
    client_id: clientId,
    user_id: event.userId,
    timestamp_micros: event.timestamp * 1000,
    user_properties: traits === undefined ? undefined : userProperties,
    events: [{ name: GA4_EVENT_NAMES[event.type], params: withoutUndefined({ event_id: event.id, ...contextParams(event), ...eventParams(event) }) }],
  });
}

type LineItem = z.output<typeof lineItemSchema>;

/** minor / divisor in major units, exact when it divides evenly. */
function perUnitMajor(minor: number, divisor: number, currency: string): number {
  return minor % divisor === 0 ? toMajorUnits(minor / divisor, currency) : minor / divisor / 10 ** currencyExponent(currency);
}

function item(line: LineItem, currency: string): Ga4Item {
  const discount = line.discount ?? 0;
  return withoutUndefined({
    item_id: line.productId,
    item_name: line.name,
    item_category: line.category,
    item_brand: line.brand,
    sku: line.sku,
    price: perUnitMajor(line.price * line.quantity - discount, line.quantity, currency),
    quantity: line.quantity,
    discount: line.discount === undefined ? undefined : perUnitMajor(line.discount, line.quantity, currency),
  });
}

function contextParams(event: MemberkitEvent): Record<string, unknown> {
  const c = event.context ?? {};
  // On page_view the page is the event's own properties; context.page only lends its referrer.
  const page = event.type === 'page_viewed' ? { referrer: c.page?.referrer } : c.page;
  return withoutUndefined({
    page_location: page?.url,
    page_path: page?.path,
    page_title: page?.title,
    page_referrer: page?.referrer,
    campaign_source: c.utm?.source,
    campaign_medium: c.utm?.medium,
    campaign_name: c.utm?.campaign,
    campaign_term: c.utm?.term,
    campaign_content: c.utm?.content,
    channel: c.channel,
    scene: c.scene,
    referred_by: c.referredBy,
    store_id: c.storeId,
    // visit_store has its own guide_id property; a second one from context would collide.
    guide_id: event.type === 'store_visited' ? undefined : c.guideId,
  });
}

function eventParams(event: MemberkitEvent): Record<string, unknown> {
  const cur = 'properties.currency';
  switch (event.type) {
    case 'page_viewed': {
      const p = event.properties;
      return withoutUndefined({ page_location: p.url, page_path: p.path, page_title: p.title, engagement_time_msec: p.dwellMs });
    }
    case 'product_viewed': {
      const p = event.properties;
      const price = majorOrUndefined(p.price, p.currency, cur);
      const it = withoutUndefined({ item_id: p.productId, item_name: p.name, item_category: p.category, item_brand: p.brand, sku: p.sku, price });
      return withoutUndefined({ currency: p.currency, value: price, engagement_time_msec: p.dwellMs, items: [it] });
    }
    case 'product_list_viewed': {
      const p = event.properties;
      return withoutUndefined({ item_list_id: p.listId, item_list_name: p.category, items: p.productIds?.map((id) => ({ item_id: id })) });
    }
    case 'products_searched':
      return { search_term: event.properties.query };
    case 'product_favorited':
    case 'product_unfavorited':
      return { items: [withoutUndefined({ item_id: event.properties.productId, item_category: event.properties.category })] };
    case 'product_added':
    case 'product_removed': {
      const p = event.properties;
      const value = toMajorUnits(p.price * p.quantity - (p.discount ?? 0), p.currency);
      return withoutUndefined({ currency: p.currency, value, cart_id: p.cartId, items: [item(p, p.currency)] });
    }
    case 'checkout_started': {
      const p = event.properties;
      return withoutUndefined({
        currency: p.currency,
        value: majorOrUndefined(p.total, p.currency, cur),
        transaction_id: p.orderId,
        checkout_id: p.checkoutId,
        items: p.products?.map((line) => item(line, p.currency)),
      });
    }
    case 'checkout_step_completed': {
      const p = event.properties;
      return withoutUndefined({ checkout_id: p.checkoutId, checkout_step: p.step, checkout_option: p.option });
    }
    case 'order_completed': {
      const p = event.properties;
      // GA4's purchase value is item revenue: no shipping, no tax.
      const value = p.total - (p.shipping ?? 0) - (p.tax ?? 0);
      return withoutUndefined({
        transaction_id: p.orderId,
        currency: p.currency,
        value: toMajorUnits(value, p.currency),
        shipping: majorOrUndefined(p.shipping, p.currency, cur),
        tax: majorOrUndefined(p.tax, p.currency, cur),
        discount: majorOrUndefined(p.discount, p.currency, cur),
        subtotal: majorOrUndefined(p.subtotal, p.currency, cur),
        coupon: p.coupons === undefined || p.coupons.length === 0 ? undefined : p.coupons.join(','),
        points_redeemed: p.pointsRedeemed,
        location_id: p.storeId,
        items: p.products.map((line) => item(line, p.currency)),
      });
    }
    case 'order_refunded': {
      const p = event.properties;
      return withoutUndefined({
        transaction_id: p.orderId,
        refund_id: p.refundId,
        currency: p.currency,
        value: majorOrUndefined(p.total, p.currency, cur),
        items: p.products?.map((line) =>
          withoutUndefined({
            item_id: line.productId,
            sku: line.sku,
            quantity: line.quantity,
            price: line.amount === undefined ? undefined : perUnitMajor(line.amount, line.quantity, p.currency),
          }),
        ),
      });
    }
    case 'product_reviewed': {
      const p = event.properties;
      return withoutUndefined({ item_id: p.productId, review_id: p.reviewId, rating: p.rating });
    }
    case 'product_shared': {
      const p = event.properties;
      return withoutUndefined({ method: p.shareVia, content_type: p.productId === undefined ? undefined : 'product', item_id: p.productId, link_url: p.url });
    }
    case 'signed_in':
    case 'signed_up':
      return withoutUndefined({ method: event.properties.method });
    case 'store_visited': {
      const p = event.properties;
      return withoutUndefined({ location_id: p.storeId, guide_id: p.guideId, note: p.note });
    }
    case 'coupon_claimed': {
      const p = event.properties;
      return withoutUndefined({ coupon_id: p.couponId, template_id: p.templateId, coupon: p.code });
    }
    case 'coupon_used': {
      const p = event.properties;
      return withoutUndefined({
        coupon_id: p.couponId,
        coupon: p.code,
        transaction_id: p.orderId,
        currency: p.currency,
        discount: majorOrUndefined(p.discount, p.currency, cur),
      });
    }
    case 'identified':
      return {};
  }
}
