import type { EventType } from './eventTypes.ts';

/**
 * The Segment `track` event name for every canonical event sent as a track
 * call. `page_viewed` travels as a Segment `page` call and `identified` as an
 * `identify` call, so they have no track name (see {@link segmentCallFor}).
 *
 * Sources: Segment "Spec: V2 Ecommerce Events"
 * (https://segment.com/docs/connections/spec/ecommerce/v2/) for the shop
 * events, "Spec: B2B SaaS" (https://segment.com/docs/connections/spec/b2b-saas/)
 * for `Signed In` / `Signed Up`. `Store Visited` and `Coupon Claimed` are
 * memberkit custom names: Segment has no spec event for an in-store visit or
 * for claiming a coupon into a wallet (领券).
 *
 * @example
 * ```ts
 * import { SEGMENT_TRACK_EVENT_NAMES } from '@memberkit/core';
 * SEGMENT_TRACK_EVENT_NAMES.order_completed;
 * //=> 'Order Completed'
 * ```
 */
export const SEGMENT_TRACK_EVENT_NAMES = {
  product_viewed: 'Product Viewed',
  product_list_viewed: 'Product List Viewed',
  products_searched: 'Products Searched',
  product_favorited: 'Product Added to Wishlist',
  product_unfavorited: 'Product Removed from Wishlist',
  product_added: 'Product Added',
  product_removed: 'Product Removed',
  checkout_started: 'Checkout Started',
  checkout_step_completed: 'Checkout Step Completed',
  order_completed: 'Order Completed',
  order_refunded: 'Order Refunded',
  product_reviewed: 'Product Reviewed',
  product_shared: 'Product Shared',
  signed_in: 'Signed In',
  signed_up: 'Signed Up',
  store_visited: 'Store Visited',
  coupon_claimed: 'Coupon Claimed',
  coupon_used: 'Coupon Applied',
} as const satisfies Record<Exclude<EventType, 'page_viewed' | 'identified'>, string>;

/**
 * Canonical events that Segment sends as a `track` call.
 *
 * @example
 * ```ts
 * import type { SegmentTrackEventType } from '@memberkit/core';
 * const t: SegmentTrackEventType = 'order_completed';
 * ```
 */
export type SegmentTrackEventType = keyof typeof SEGMENT_TRACK_EVENT_NAMES;

/**
 * Which Segment call carries a canonical event: `{ type: 'track', event }`,
 * `{ type: 'page' }` or `{ type: 'identify' }`.
 *
 * @example
 * ```ts
 * import type { SegmentCall } from '@memberkit/core';
 * const c: SegmentCall = { type: 'track', event: 'Product Added' };
 * ```
 */
export type SegmentCall = { readonly type: 'track'; readonly event: string } | { readonly type: 'page' } | { readonly type: 'identify' };

/**
 * The Segment call for a canonical event type.
 *
 * @example
 * ```ts
 * import { segmentCallFor } from '@memberkit/core';
 * segmentCallFor('product_added');
 * //=> { type: 'track', event: 'Product Added' }
 * ```
 */
export function segmentCallFor(type: EventType): SegmentCall {
  if (type === 'page_viewed') return { type: 'page' };
  if (type === 'identified') return { type: 'identify' };
  return { type: 'track', event: SEGMENT_TRACK_EVENT_NAMES[type] };
}

// Names the spec documents as aliases ("aliased to the `Viewed Product` event
// from e-commerce v1 spec" etc.), accepted on the way in only.
const V1_ALIASES: Readonly<Record<string, SegmentTrackEventType>> = {
  'Viewed Product': 'product_viewed',
  'Viewed Product Category': 'product_list_viewed',
  'Added Product': 'product_added',
  'Removed Product': 'product_removed',
  'Started Order': 'checkout_started',
  'Completed Checkout Step': 'checkout_step_completed',
};

const BY_NAME: ReadonlyMap<string, SegmentTrackEventType> = new Map([
  ...Object.entries(SEGMENT_TRACK_EVENT_NAMES).map(([type, name]) => [name, type as SegmentTrackEventType] as const),
  ...Object.entries(V1_ALIASES),
]);

/**
 * The canonical event type for a Segment call, or `undefined` when the call
 * is not part of memberkit's vocabulary. Track names match exactly as the
 * spec spells them; the e-commerce v1 aliases the v2 spec lists
 * (`Viewed Product`, `Added Product`, …) are accepted too.
 *
 * @example
 * ```ts
 * import { eventTypeFromSegment } from '@memberkit/core';
 * eventTypeFromSegment('track', 'Order Completed');
 * //=> 'order_completed'
 * ```
 */
export function eventTypeFromSegment(callType: string, event?: string): EventType | undefined {
  if (callType === 'page') return 'page_viewed';
  if (callType === 'identify') return 'identified';
  if (callType !== 'track' || event === undefined) return undefined;
  return BY_NAME.get(event);
}

/**
 * The Segment `context.externalIds[].type` used for each identifier kind
 * memberkit resolves profiles by (Segment reserves `externalIds` for exactly
 * this: "a list of external ids for the user").
 *
 * @example
 * ```ts
 * import { SEGMENT_EXTERNAL_ID_TYPES } from '@memberkit/core';
 * SEGMENT_EXTERNAL_ID_TYPES.openid;
 * //=> 'wechat_openid'
 * ```
 */
export const SEGMENT_EXTERNAL_ID_TYPES = {
  phone: 'phone',
  email: 'email',
  memberCardNo: 'member_card_no',
  openid: 'wechat_openid',
  unionid: 'wechat_unionid',
} as const;
