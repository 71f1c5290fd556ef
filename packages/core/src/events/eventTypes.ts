/**
 * The canonical behaviour-event vocabulary (R-EVT-1/2), shared by the
 * tracker, the collector and the domain. Names are snake_case; each maps 1:1
 * onto a Segment e-commerce spec v2 name and a GA4 event (see
 * `toSegmentMessage` / `toGa4Event`).
 *
 * @example
 * ```ts
 * import { EVENT_TYPES } from '@memberkit/core';
 * EVENT_TYPES.includes('order_completed');
 * //=> true
 * ```
 */
export const EVENT_TYPES = [
  'page_viewed',
  'product_viewed',
  'product_list_viewed',
  'products_searched',
  'product_favorited',
  'product_unfavorited',
  'product_added',
  'product_removed',
  'checkout_started',
  'checkout_step_completed',
  'order_completed',
  'order_refunded',
  'product_reviewed',
  'product_shared',
  'signed_in',
  'signed_up',
  'store_visited',
  'coupon_claimed',
  'coupon_used',
  'identified',
] as const;

/**
 * One canonical event name.
 *
 * @example
 * ```ts
 * import type { EventType } from '@memberkit/core';
 * const t: EventType = 'product_added';
 * ```
 */
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Events that only a trusted server may report: points and order statistics
 * come from these, never from a browser (R-LOY-3).
 *
 * @example
 * ```ts
 * import { SERVER_ONLY_EVENTS } from '@memberkit/core';
 * SERVER_ONLY_EVENTS.includes('order_refunded');
 * //=> true
 * ```
 */
export const SERVER_ONLY_EVENTS: readonly EventType[] = ['order_completed', 'order_refunded'];

/**
 * The identifier kinds a profile can be found by (R-PROF-1).
 *
 * @example
 * ```ts
 * import { IDENTIFIER_KINDS } from '@memberkit/core';
 * IDENTIFIER_KINDS[0];
 * //=> 'userId'
 * ```
 */
export const IDENTIFIER_KINDS = ['userId', 'phone', 'email', 'memberCardNo', 'unionid', 'openid', 'anonymousId'] as const;

/**
 * One identifier kind.
 *
 * @example
 * ```ts
 * import type { IdentifierKind } from '@memberkit/core';
 * const k: IdentifierKind = 'phone';
 * ```
 */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Sales channels an event or order can come from.
 *
 * @example
 * ```ts
 * import { CHANNELS } from '@memberkit/core';
 * CHANNELS.includes('pos');
 * //=> true
 * ```
 */
export const CHANNELS = ['web', 'h5', 'wechat_miniprogram', 'alipay_miniprogram', 'douyin_miniprogram', 'app', 'pos', 'marketplace', 'other'] as const;

/**
 * One sales channel.
 *
 * @example
 * ```ts
 * import type { Channel } from '@memberkit/core';
 * const c: Channel = 'wechat_miniprogram';
 * ```
 */
export type Channel = (typeof CHANNELS)[number];
