import { z } from 'zod';
import { MemberkitError } from '../errors/memberkitError.ts';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import { minorOrUndefined } from './mappedMoney.ts';
import type { MemberkitEvent } from './memberkitEvent.ts';
import { parseMappedEvent } from './parseMappedEvent.ts';
import { SEGMENT_EXTERNAL_ID_TYPES, eventTypeFromSegment } from './segmentEventNames.ts';
import { withoutUndefined } from './withoutUndefined.ts';

type Dict = Record<string, unknown>;

const dict = z.record(z.string(), z.unknown());
const maybeId = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

const segmentEnvelopeSchema = z
  .object({
    type: z.string(),
    event: z.string().optional(),
    messageId: z.string().min(1),
    timestamp: z.string().optional(),
    originalTimestamp: z.string().optional(),
    anonymousId: maybeId,
    userId: maybeId,
    traits: dict.optional(),
    properties: dict.optional(),
    context: dict.optional(),
  })
  .loose();

/**
 * Options for {@link fromSegmentMessage}.
 *
 * @example
 * ```ts
 * import type { FromSegmentMessageOptions } from '@memberkit/core';
 * const options: FromSegmentMessageOptions = { defaultCurrency: 'CNY' };
 * ```
 */
export interface FromSegmentMessageOptions {
  /**
   * Currency for messages that carry prices but no `currency` (the spec's own
   * `Product Added` example has none). Without it such a message is refused:
   * an amount cannot be scaled to minor units without knowing the currency.
   */
  readonly defaultCurrency?: string;
}

/**
 * Converts a Segment `track` / `page` / `identify` message into a validated
 * canonical event (the inverse of {@link toSegmentMessage}). Prices in major
 * units become integer minor units by the currency's exponent (19.99 CNY →
 * 1999, 1.234 KWD → 1234); lower-case currency codes are upper-cased; e-commerce
 * v1 aliases (`Viewed Product` …) are accepted. An unknown event name, a
 * missing `messageId` or `timestamp`, or properties the canonical schema
 * refuses throw `MemberkitError('invalid_event')` with `field` in Segment's
 * spelling (`properties.order_id`).
 *
 * @example
 * ```ts
 * import { fromSegmentMessage } from '@memberkit/core';
 * fromSegmentMessage({ type: 'track', event: 'Products Searched', messageId: 'm1', timestamp: '2026-01-01T00:00:00Z', anonymousId: 'a1', properties: { query: 'blue roses' } }).properties;
 * //=> { query: 'blue roses' }
 * ```
 */
export function fromSegmentMessage(message: unknown, options: FromSegmentMessageOptions = {}): MemberkitEvent {
  const msg = parseOrThrow(segmentEnvelopeSchema, message, 'invalid_event', 'Segment message');
  const type = eventTypeFromSegment(msg.type, msg.event);
  if (type === undefined) {
    const field = msg.type === 'track' ? 'event' : 'type';
    const got = msg.type === 'track' ? msg.event : msg.type;
    throw new MemberkitError('invalid_event', `Segment ${field} ${JSON.stringify(got)} has no memberkit event; see SEGMENT_TRACK_EVENT_NAMES`, {
      field,
      issues: [{ path: [field], field, code: 'invalid_value', message: 'unknown Segment event' }],
    });
  }
  const timestamp = msg.timestamp ?? msg.originalTimestamp;
  if (timestamp === undefined) {
    throw new MemberkitError('invalid_event', 'Segment message has neither timestamp nor originalTimestamp', {
      field: 'timestamp',
      issues: [{ path: ['timestamp'], field: 'timestamp', code: 'invalid_type', message: 'timestamp required' }],
    });
  }
  const ctx = msg.context ?? {};
  const memberkit = asDict(ctx.memberkit);
  const traits = type === 'identified' ? msg.traits : asDictOrUndefined(ctx.traits);
  const canonical = withoutUndefined({
    id: msg.messageId,
    type,
    timestamp,
    anonymousId: msg.anonymousId,
    userId: msg.userId,
    identifiers: identifiersFrom(ctx.externalIds, traits),
    traits: traits === undefined ? undefined : canonicalTraits(traits),
    context: canonicalContext(ctx, memberkit),
    source: memberkit.source,
    properties: canonicalProperties(type, msg.properties ?? {}, options.defaultCurrency),
  });
  return parseMappedEvent(canonical, segmentField);
}

function asDict(value: unknown): Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : {};
}

function asDictOrUndefined(value: unknown): Dict | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : undefined;
}

function idOf(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : (value ?? undefined);
}

function numeric(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : (value ?? undefined);
}

function currencyOf(p: Dict, fallback: string | undefined): string | undefined {
  return typeof p.currency === 'string' ? p.currency.trim().toUpperCase() : fallback;
}

const CURRENCY = 'properties.currency';

function line(raw: unknown, currency: string | undefined, at: string): unknown {
  const x = asDict(raw);
  return withoutUndefined({
    productId: idOf(x.product_id),
    sku: idOf(x.sku),
    name: x.name,
    category: x.category,
    brand: x.brand,
    price: minorOrUndefined(x.price, currency, `${at}.price`, CURRENCY),
    // The spec leaves quantity optional; one unit is what a product event without it means.
    quantity: x.quantity ?? 1,
    discount: minorOrUndefined(x.discount, currency, `${at}.discount`, CURRENCY),
  });
}

function lines(raw: unknown, currency: string | undefined): unknown {
  if (!Array.isArray(raw)) return raw ?? undefined;
  return raw.map((x, i) => line(x, currency, `properties.products.${i}`));
}

function canonicalProperties(type: string, p: Dict, defaultCurrency: string | undefined): Dict {
  const cur = currencyOf(p, defaultCurrency);
  const money = (key: string) => minorOrUndefined(p[key], cur, `properties.${key}`, CURRENCY);
  switch (type) {
    case 'page_viewed':
      return withoutUndefined({ url: p.url, path: p.path, title: p.title, dwellMs: p.dwell_ms });
    case 'product_viewed':
      return withoutUndefined({
        productId: idOf(p.product_id),
        sku: idOf(p.sku),
        name: p.name,
        category: p.category,
        brand: p.brand,
        price: money('price'),
        currency: cur,
        dwellMs: p.dwell_ms,
      });
    case 'product_list_viewed':
      return withoutUndefined({
        listId: p.list_id,
        category: p.category,
        productIds: Array.isArray(p.products) ? p.products.map((x) => idOf(asDict(x).product_id)) : p.products,
      });
    case 'products_searched':
      return { query: p.query };
    case 'product_favorited':
    case 'product_unfavorited':
      return withoutUndefined({ productId: idOf(p.product_id), category: p.category });
    case 'product_added':
    case 'product_removed':
      return withoutUndefined({ cartId: p.cart_id, ...asDict(line(p, cur, 'properties')), currency: cur });
    case 'checkout_started':
      return withoutUndefined({
        checkoutId: p.checkout_id,
        orderId: idOf(p.order_id),
        currency: cur,
        total: money('value') ?? money('total'),
        products: lines(p.products, cur),
      });
    case 'checkout_step_completed':
      return withoutUndefined({ checkoutId: p.checkout_id, step: p.step, option: p.option });
    case 'order_completed':
      return orderCompleted(p, cur, money);
    case 'order_refunded':
      return withoutUndefined({
        orderId: idOf(p.order_id),
        refundId: idOf(p.refund_id),
        currency: cur,
        total: money('total'),
        products: Array.isArray(p.products)
          ? p.products.map((raw, i) => {
              const x = asDict(raw);
              return withoutUndefined({
                productId: idOf(x.product_id),
                sku: idOf(x.sku),
                quantity: x.quantity ?? 1,
                amount: minorOrUndefined(x.amount, cur, `properties.products.${i}.amount`, CURRENCY),
              });
            })
          : p.products,
      });
    case 'product_reviewed':
      // The spec types rating as a String ('5'); the canonical rating is a number.
      return withoutUndefined({ productId: idOf(p.product_id), reviewId: idOf(p.review_id), rating: numeric(p.rating) });
    case 'product_shared':
      return withoutUndefined({ productId: idOf(p.product_id), shareVia: p.share_via, url: p.url });
    case 'signed_in':
    case 'signed_up':
      return withoutUndefined({ method: p.method });
    case 'store_visited':
      return withoutUndefined({ storeId: idOf(p.store_id), guideId: idOf(p.guide_id), note: p.note });
    case 'coupon_claimed':
      return withoutUndefined({ couponId: idOf(p.coupon_id), templateId: idOf(p.template_id), code: p.coupon });
    case 'coupon_used':
      return withoutUndefined({ couponId: idOf(p.coupon_id), code: p.coupon, orderId: idOf(p.order_id), discount: money('discount'), currency: cur });
    default:
      return {};
  }
}

function orderCompleted(p: Dict, cur: string | undefined, money: (key: string) => number | undefined): Dict {
  const discount = money('discount');
  const shipping = money('shipping');
  const tax = money('tax');
  const afterDiscount = money('subtotal');
  const revenue = money('revenue');
  // Segment's subtotal is after discounts, memberkit's before: add the discount back.
  const subtotal = afterDiscount !== undefined ? afterDiscount + (discount ?? 0) : revenue;
  // Sources often send revenue without total; total = revenue − discount + shipping + tax
  // reproduces the spec example (25.00 − 2.50 + 3 + 2 = 27.50).
  const total = money('total') ?? (subtotal === undefined ? undefined : subtotal - (discount ?? 0) + (shipping ?? 0) + (tax ?? 0));
  const coupons = typeof p.coupon === 'string' && p.coupon !== '' ? p.coupon.split(',').map((c) => c.trim()) : undefined;
  return withoutUndefined({
    orderId: idOf(p.order_id),
    currency: cur,
    total,
    subtotal,
    discount,
    shipping,
    tax,
    pointsRedeemed: p.points_redeemed,
    products: lines(p.products, cur),
    coupons,
    storeId: idOf(p.affiliation),
  });
}

const EXTERNAL_ID_KINDS = new Map(Object.entries(SEGMENT_EXTERNAL_ID_TYPES).map(([kind, type]) => [type as string, kind]));

function identifiersFrom(externalIds: unknown, traits: Dict | undefined): Dict | undefined {
  if (Array.isArray(externalIds)) {
    const out: Dict = {};
    for (const raw of externalIds) {
      const x = asDict(raw);
      const kind = typeof x.type === 'string' ? EXTERNAL_ID_KINDS.get(x.type) : undefined;
      if (kind !== undefined && x.id !== undefined) out[kind] = idOf(x.id);
    }
    return out;
  }
  // Segment sources put email and phone in traits; promote them so identity resolution sees them.
  const email = typeof traits?.email === 'string' ? traits.email : undefined;
  const phone = typeof traits?.phone === 'string' ? traits.phone : undefined;
  return email === undefined && phone === undefined ? undefined : withoutUndefined({ email, phone });
}

const GENDERS: Readonly<Record<string, string>> = { female: 'female', f: 'female', male: 'male', m: 'male', other: 'other', unknown: 'unknown' };

function canonicalTraits(traits: Dict): Dict {
  const out: Dict = {};
  for (const [key, value] of Object.entries(traits)) {
    // Canonical traits are flat; nested Segment traits other than address are left out.
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
  }
  const address = asDict(traits.address);
  if (out.city === undefined && typeof address.city === 'string') out.city = address.city;
  if (out.region === undefined && typeof address.state === 'string') out.region = address.state;
  if (typeof out.gender === 'string') out.gender = GENDERS[out.gender.toLowerCase()] ?? 'other';
  if (typeof out.birthday === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(out.birthday)) out.birthday = out.birthday.slice(0, 10);
  return out;
}

function canonicalContext(ctx: Dict, memberkit: Dict): Dict | undefined {
  const page = asDictOrUndefined(ctx.page);
  const campaign = asDictOrUndefined(ctx.campaign);
  const device = asDictOrUndefined(ctx.device);
  const os = asDictOrUndefined(ctx.os);
  const referrer = typeof ctx.referrer === 'string' ? ctx.referrer : asDictOrUndefined(ctx.referrer)?.url;
  const out = withoutUndefined({
    channel: memberkit.channel,
    page: page && withoutUndefined({ url: page.url, path: page.path, title: page.title, referrer: page.referrer }),
    utm: campaign && withoutUndefined({ source: campaign.source, medium: campaign.medium, campaign: campaign.name, term: campaign.term, content: campaign.content }),
    referrer,
    scene: memberkit.scene,
    referredBy: memberkit.referredBy,
    storeId: memberkit.storeId,
    guideId: memberkit.guideId,
    device: device || os ? withoutUndefined({ type: device?.type, model: device?.model, os: os?.name }) : undefined,
    locale: ctx.locale,
    timezone: ctx.timezone,
    userAgent: ctx.userAgent,
    ip: ctx.ip,
  });
  return Object.keys(out).length === 0 ? undefined : out;
}

const FIELD_RENAMES: Readonly<Record<string, string>> = { storeId: 'affiliation', coupons: 'coupon', productIds: 'products', code: 'coupon' };

function segmentField(field: string): string {
  const [head, ...rest] = field.split('.');
  if (head !== 'properties') return field;
  return [head, ...rest.map((part) => FIELD_RENAMES[part] ?? part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))].join('.');
}
