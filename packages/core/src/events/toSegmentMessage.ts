import type { z } from 'zod';
import type { lineItemSchema } from './eventSchema.ts';
import { majorOrUndefined } from './mappedMoney.ts';
import { parseEvent, type MemberkitEvent, type MemberkitEventInput } from './memberkitEvent.ts';
import { SEGMENT_EXTERNAL_ID_TYPES, segmentCallFor } from './segmentEventNames.ts';
import { withoutUndefined } from './withoutUndefined.ts';

/**
 * One product in a Segment message (`products[]`, or the flat properties of
 * `Product Added`), prices in major units. `discount` (line discount) and
 * `amount` (refunded amount) are memberkit additions the spec does not define.
 *
 * @example
 * ```ts
 * import type { SegmentProduct } from '@memberkit/core';
 * const p: SegmentProduct = { product_id: '507f1f77bcf86cd799439011', price: 19, quantity: 1 };
 * ```
 */
export interface SegmentProduct {
  product_id: string;
  sku?: string;
  name?: string;
  category?: string;
  brand?: string;
  price?: number;
  quantity?: number;
  discount?: number;
  amount?: number;
}

/**
 * One entry of Segment's `context.externalIds`, used for the identifiers
 * memberkit resolves profiles by (phone, email, member card, WeChat ids).
 *
 * @example
 * ```ts
 * import type { SegmentExternalId } from '@memberkit/core';
 * const x: SegmentExternalId = { id: '+8613800138000', type: 'phone', collection: 'users', encoding: 'none' };
 * ```
 */
export interface SegmentExternalId {
  id: string;
  type: string;
  collection: 'users';
  encoding: 'none';
}

/**
 * A Segment message as memberkit writes it (the Segment Spec common fields
 * plus `track` / `page` / `identify` specifics). `context.memberkit` holds
 * what Segment has no field for: channel, mini-program scene, referrer
 * profile, store and guide ids, and whether the event came from a trusted
 * server.
 *
 * @example
 * ```ts
 * import type { SegmentMessage } from '@memberkit/core';
 * const m: SegmentMessage = { type: 'track', event: 'Products Searched', messageId: 'e1', timestamp: '2026-01-01T00:00:00.000Z', anonymousId: 'a1', properties: { query: 'blue roses' } };
 * ```
 */
export interface SegmentMessage {
  type: 'track' | 'page' | 'identify';
  event?: string;
  messageId: string;
  timestamp: string;
  anonymousId?: string;
  userId?: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/**
 * Converts a canonical event into a Segment message (`track`, or `page` for
 * `page_viewed`, or `identify` for `identified`): `messageId` is the event
 * id, `timestamp` ISO 8601, properties in Segment's snake_case with money in
 * major units (`1999` fen → `19.99`), `products[]` with `product_id`, `sku`,
 * `name`, `category`, `brand`, `price`, `quantity`, UTM parameters in
 * `context.campaign`. The input is validated with `parseEvent` first.
 *
 * @example
 * ```ts
 * import { toSegmentMessage } from '@memberkit/core';
 * toSegmentMessage({ id: 'e1', type: 'product_added', timestamp: 0, anonymousId: 'a1', properties: { productId: 'p1', price: 1999, quantity: 2, currency: 'CNY' } }).properties;
 * //=> { product_id: 'p1', price: 19.99, quantity: 2, currency: 'CNY' }
 * ```
 */
export function toSegmentMessage(input: MemberkitEventInput | MemberkitEvent): SegmentMessage {
  const event = parseEvent(input);
  const call = segmentCallFor(event.type);
  const context = segmentContext(event, call.type !== 'identify');
  return withoutUndefined({
    type: call.type,
    event: call.type === 'track' ? call.event : undefined,
    messageId: event.id,
    timestamp: new Date(event.timestamp).toISOString(),
    anonymousId: event.anonymousId,
    userId: event.userId,
    traits: call.type === 'identify' ? event.traits : undefined,
    properties: call.type === 'identify' ? undefined : segmentProperties(event),
    context,
  });
}

type LineItem = z.output<typeof lineItemSchema>;

function product(line: LineItem, currency: string): SegmentProduct {
  return withoutUndefined({
    product_id: line.productId,
    sku: line.sku,
    name: line.name,
    category: line.category,
    brand: line.brand,
    price: majorOrUndefined(line.price, currency, 'properties.currency'),
    quantity: line.quantity,
    discount: majorOrUndefined(line.discount, currency, 'properties.currency'),
  });
}

function segmentProperties(event: MemberkitEvent): Record<string, unknown> {
  const cur = 'properties.currency';
  switch (event.type) {
    case 'page_viewed': {
      const p = event.properties;
      return withoutUndefined({ url: p.url, path: p.path, title: p.title, dwell_ms: p.dwellMs });
    }
    case 'product_viewed': {
      const p = event.properties;
      return withoutUndefined({
        product_id: p.productId,
        sku: p.sku,
        name: p.name,
        category: p.category,
        brand: p.brand,
        price: majorOrUndefined(p.price, p.currency, cur),
        currency: p.currency,
        dwell_ms: p.dwellMs,
      });
    }
    case 'product_list_viewed': {
      const p = event.properties;
      return withoutUndefined({ list_id: p.listId, category: p.category, products: p.productIds?.map((id) => ({ product_id: id })) });
    }
    case 'products_searched':
      return { query: event.properties.query };
    case 'product_favorited':
    case 'product_unfavorited':
      return withoutUndefined({ product_id: event.properties.productId, category: event.properties.category });
    case 'product_added':
    case 'product_removed': {
      const p = event.properties;
      return withoutUndefined({ cart_id: p.cartId, ...product(p, p.currency), currency: p.currency });
    }
    case 'checkout_started': {
      const p = event.properties;
      return withoutUndefined({
        checkout_id: p.checkoutId,
        order_id: p.orderId,
        value: majorOrUndefined(p.total, p.currency, cur),
        currency: p.currency,
        products: p.products?.map((line) => product(line, p.currency)),
      });
    }
    case 'checkout_step_completed': {
      const p = event.properties;
      return withoutUndefined({ checkout_id: p.checkoutId, step: p.step, option: p.option });
    }
    case 'order_completed': {
      const p = event.properties;
      // Segment's `subtotal` is after discounts ("Order total after discounts
      // but before taxes and shipping"); memberkit's is before, and its
      // `revenue` in the spec example (25.00) is the pre-discount sum.
      const afterDiscount = p.subtotal === undefined ? undefined : p.subtotal - (p.discount ?? 0);
      return withoutUndefined({
        order_id: p.orderId,
        affiliation: p.storeId,
        total: majorOrUndefined(p.total, p.currency, cur),
        subtotal: majorOrUndefined(afterDiscount, p.currency, cur),
        revenue: majorOrUndefined(p.subtotal, p.currency, cur),
        shipping: majorOrUndefined(p.shipping, p.currency, cur),
        tax: majorOrUndefined(p.tax, p.currency, cur),
        discount: majorOrUndefined(p.discount, p.currency, cur),
        coupon: p.coupons === undefined || p.coupons.length === 0 ? undefined : p.coupons.join(','),
        currency: p.currency,
        points_redeemed: p.pointsRedeemed,
        products: p.products.map((line) => product(line, p.currency)),
      });
    }
    case 'order_refunded': {
      const p = event.properties;
      return withoutUndefined({
        order_id: p.orderId,
        refund_id: p.refundId,
        total: majorOrUndefined(p.total, p.currency, cur),
        currency: p.currency,
        products: p.products?.map((line) =>
          withoutUndefined({ product_id: line.productId, sku: line.sku, quantity: line.quantity, amount: majorOrUndefined(line.amount, p.currency, cur) }),
        ),
      });
    }
    case 'product_reviewed': {
      const p = event.properties;
      // The spec types rating as a String (its example sends '5').
      return withoutUndefined({ product_id: p.productId, review_id: p.reviewId, rating: p.rating === undefined ? undefined : String(p.rating) });
    }
    case 'product_shared': {
      const p = event.properties;
      return withoutUndefined({ product_id: p.productId, share_via: p.shareVia, url: p.url });
    }
    case 'signed_in':
    case 'signed_up':
      return withoutUndefined({ method: event.properties.method });
    case 'store_visited': {
      const p = event.properties;
      return withoutUndefined({ store_id: p.storeId, guide_id: p.guideId, note: p.note });
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
        order_id: p.orderId,
        discount: majorOrUndefined(p.discount, p.currency, cur),
        currency: p.currency,
      });
    }
    case 'identified':
      return {};
  }
}

function segmentContext(event: MemberkitEvent, traitsInContext: boolean): Record<string, unknown> {
  const c = event.context ?? {};
  const ids = event.identifiers;
  const externalIds =
    ids === undefined
      ? undefined
      : (Object.keys(SEGMENT_EXTERNAL_ID_TYPES) as (keyof typeof SEGMENT_EXTERNAL_ID_TYPES)[]).flatMap((kind) => {
          const id = ids[kind];
          return id === undefined ? [] : [{ id, type: SEGMENT_EXTERNAL_ID_TYPES[kind], collection: 'users', encoding: 'none' } satisfies SegmentExternalId];
        });
  const utm = c.utm;
  return withoutUndefined({
    page: c.page === undefined ? undefined : withoutUndefined({ ...c.page }),
    campaign: utm === undefined ? undefined : withoutUndefined({ name: utm.campaign, source: utm.source, medium: utm.medium, term: utm.term, content: utm.content }),
    referrer: c.referrer === undefined ? undefined : { url: c.referrer },
    device: c.device === undefined ? undefined : withoutUndefined({ type: c.device.type, model: c.device.model }),
    os: c.device?.os === undefined ? undefined : { name: c.device.os },
    locale: c.locale,
    timezone: c.timezone,
    userAgent: c.userAgent,
    ip: c.ip,
    traits: traitsInContext ? event.traits : undefined,
    externalIds,
    memberkit: withoutUndefined({
      source: event.source,
      channel: c.channel,
      scene: c.scene,
      referredBy: c.referredBy,
      storeId: c.storeId,
      guideId: c.guideId,
    }),
  });
}
