import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from '../money/currency.ts';
import { CHANNELS } from './eventTypes.ts';

const id = z.string().trim().min(1).max(200);
const nonNegInt = z.number().int().nonnegative().safe();
const money = minorUnitsSchema.nonnegative();

/**
 * When something happened: an ISO 8601 string (with offset), a date, epoch
 * milliseconds or a Date. Parsed into epoch milliseconds.
 *
 * @example
 * ```ts
 * import { timestampSchema } from '@memberkit/core';
 * timestampSchema.parse('2026-01-01T08:00:00+08:00');
 * //=> 1767225600000
 * ```
 */
export const timestampSchema = z
  // Numbers first: most events carry epoch ms, and a union pays for every
  // failed alternative before the one that matches.
  .union([z.number().int().nonnegative(), z.iso.datetime({ offset: true }), z.iso.date(), z.date()])
  .transform((v) => (typeof v === 'number' ? v : new Date(v).getTime()))
  .refine((ms) => Number.isFinite(ms), 'invalid date');

/**
 * A product line in a cart, checkout, order or refund: unit `price` and
 * `discount` in integer minor units.
 *
 * @example
 * ```ts
 * import { lineItemSchema } from '@memberkit/core';
 * lineItemSchema.safeParse({ productId: 'sku-1', price: 9900, quantity: 2 }).success;
 * //=> true
 * ```
 */
export const lineItemSchema = z.object({
  productId: id,
  sku: id.optional(),
  name: z.string().max(500).optional(),
  category: z.string().max(200).optional(),
  brand: z.string().max(200).optional(),
  /** Unit price in minor units, before order-level discounts. */
  price: money,
  quantity: z.number().int().positive().safe(),
  /** Discount attributed to this line, in minor units (coupons, promotions). */
  discount: money.optional(),
});

/**
 * Identifiers an event can carry besides `userId` / `anonymousId` (R-PROF-1);
 * they are cleaned (E.164 phones, lower-case emails) during ingest.
 *
 * @example
 * ```ts
 * import { identifiersSchema } from '@memberkit/core';
 * identifiersSchema.safeParse({ phone: '138 1234 5678', unionid: 'o6_b' }).success;
 * //=> true
 * ```
 */
export const identifiersSchema = z
  .object({
    phone: z.string().max(40).optional(),
    email: z.string().max(320).optional(),
    memberCardNo: z.string().max(64).optional(),
    openid: z.string().max(128).optional(),
    unionid: z.string().max(128).optional(),
  })
  .strict();

/**
 * Profile basics set by identify / sign-up (R-PROF-3), plus custom scalar traits.
 *
 * @example
 * ```ts
 * import { traitsSchema } from '@memberkit/core';
 * traitsSchema.safeParse({ name: '张女士', gender: 'female', birthday: '1990-05-20', vipSince: 2019 }).success;
 * //=> true
 * ```
 */
export const traitsSchema = z
  .object({
    name: z.string().max(200).optional(),
    gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    birthday: z.iso.date().optional(),
    region: z.string().max(200).optional(),
    city: z.string().max(200).optional(),
  })
  .catchall(z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));

/**
 * UTM campaign parameters of a visit.
 *
 * @example
 * ```ts
 * import { utmSchema } from '@memberkit/core';
 * utmSchema.parse({ source: 'douyin', medium: 'cpc', campaign: 'double11' }).source;
 * //=> 'douyin'
 * ```
 */
export const utmSchema = z
  .object({
    source: z.string().max(200).optional(),
    medium: z.string().max(200).optional(),
    campaign: z.string().max(200).optional(),
    term: z.string().max(200).optional(),
    content: z.string().max(200).optional(),
  })
  .strict();

/**
 * Where and on what an event happened (R-EVT-3): channel, page, UTM,
 * referrer, mini-program scene, referring friend, store and guide, device.
 *
 * @example
 * ```ts
 * import { eventContextSchema } from '@memberkit/core';
 * eventContextSchema.safeParse({ channel: 'wechat_miniprogram', scene: 1011, storeId: 'sh-01' }).success;
 * //=> true
 * ```
 */
export const eventContextSchema = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    page: z
      .object({
        url: z.string().max(4000).optional(),
        path: z.string().max(2000).optional(),
        title: z.string().max(500).optional(),
        referrer: z.string().max(4000).optional(),
      })
      .optional(),
    utm: utmSchema.optional(),
    referrer: z.string().max(4000).optional(),
    /** Mini-program launch scene (e.g. 1011 = QR scan) or a named scene such as `store_scan`. */
    scene: z.union([z.string().max(100), z.number().int()]).optional(),
    /** Profile id or referral code of the friend who referred this visit. */
    referredBy: z.string().max(200).optional(),
    storeId: z.string().max(100).optional(),
    guideId: z.string().max(100).optional(),
    device: z
      .object({
        type: z.string().max(50).optional(),
        os: z.string().max(100).optional(),
        model: z.string().max(100).optional(),
      })
      .optional(),
    locale: z.string().max(35).optional(),
    timezone: z.string().max(64).optional(),
    userAgent: z.string().max(1000).optional(),
    ip: z.string().max(64).optional(),
  })
  .strict();

const dwell = nonNegInt.optional();

/**
 * The properties each canonical event carries, one zod schema per type.
 *
 * @example
 * ```ts
 * import { eventPropertySchemas } from '@memberkit/core';
 * eventPropertySchemas.products_searched.safeParse({ query: '奶粉' }).success;
 * //=> true
 * ```
 */
export const eventPropertySchemas = {
  page_viewed: z.object({
    url: z.string().max(4000).optional(),
    path: z.string().max(2000).optional(),
    title: z.string().max(500).optional(),
    dwellMs: dwell,
    /** Core Web Vitals of the view (LCP/INP ms, CLS × 1000), from the tracker's web-vitals module. */
    vitals: z.record(z.string().max(20), z.number()).optional(),
    /** Uncaught errors during the view, from the tracker's error module (truncated there). */
    errors: z
      .array(z.object({ message: z.string().max(500), source: z.string().max(2000).optional(), line: z.number().int().optional(), column: z.number().int().optional(), stack: z.string().max(2000).optional() }))
      .max(20)
      .optional(),
  }),
  product_viewed: z.object({ productId: id, sku: id.optional(), name: z.string().max(500).optional(), category: z.string().max(200).optional(), brand: z.string().max(200).optional(), price: money.optional(), currency: currencySchema.optional(), dwellMs: dwell }),
  product_list_viewed: z.object({ listId: z.string().max(200).optional(), category: z.string().max(200).optional(), productIds: z.array(id).max(500).optional() }),
  products_searched: z.object({ query: z.string().max(500) }),
  product_favorited: z.object({ productId: id, category: z.string().max(200).optional() }),
  product_unfavorited: z.object({ productId: id, category: z.string().max(200).optional() }),
  product_added: lineItemSchema.extend({ cartId: z.string().max(200).optional(), currency: currencySchema }),
  product_removed: lineItemSchema.extend({ cartId: z.string().max(200).optional(), currency: currencySchema }),
  checkout_started: z.object({ checkoutId: z.string().max(200).optional(), orderId: id.optional(), currency: currencySchema, total: money.optional(), products: z.array(lineItemSchema).max(1000).optional() }),
  checkout_step_completed: z.object({ checkoutId: z.string().max(200).optional(), step: z.number().int().positive(), option: z.string().max(200).optional() }),
  order_completed: z.object({
    orderId: id,
    currency: currencySchema,
    /** What the customer paid, in minor units: subtotal − discount + shipping + tax. */
    total: money,
    subtotal: money.optional(),
    discount: money.optional(),
    shipping: money.optional(),
    tax: money.optional(),
    /** Points spent on the order, if any (R-LOY-3). */
    pointsRedeemed: nonNegInt.optional(),
    products: z.array(lineItemSchema).min(1).max(1000),
    coupons: z.array(z.string().max(100)).max(50).optional(),
    storeId: z.string().max(100).optional(),
  }),
  order_refunded: z.object({
    orderId: id,
    refundId: id.optional(),
    currency: currencySchema,
    /** Refunded amount in minor units; omitted with no `products` means the whole order. */
    total: money.optional(),
    products: z.array(z.object({ productId: id, sku: id.optional(), quantity: z.number().int().positive(), amount: money.optional() })).max(1000).optional(),
  }),
  product_reviewed: z.object({ productId: id, reviewId: z.string().max(200).optional(), rating: z.number().min(0).max(5).optional() }),
  product_shared: z.object({ productId: id.optional(), shareVia: z.string().max(100).optional(), url: z.string().max(4000).optional() }),
  signed_in: z.object({ method: z.string().max(100).optional() }),
  signed_up: z.object({ method: z.string().max(100).optional() }),
  store_visited: z.object({ storeId: z.string().max(100), guideId: z.string().max(100).optional(), note: z.string().max(2000).optional() }),
  coupon_claimed: z.object({ couponId: z.string().max(200).optional(), templateId: z.string().max(200).optional(), code: z.string().max(100).optional() }),
  coupon_used: z.object({ couponId: z.string().max(200).optional(), code: z.string().max(100).optional(), orderId: id.optional(), discount: money.optional(), currency: currencySchema.optional() }),
  identified: z.object({}),
} as const;
