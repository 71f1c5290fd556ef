import type { EventType } from './eventTypes.ts';

/**
 * The GA4 event name for every canonical event.
 *
 * Recommended events (https://developers.google.com/analytics/devguides/collection/ga4/reference/events):
 * `page_view` (collected automatically by the Google tag), `view_item`,
 * `view_item_list`, `search`, `add_to_wishlist`, `add_to_cart`,
 * `remove_from_cart`, `begin_checkout`, `purchase`, `refund`, `share`,
 * `login`, `sign_up`.
 *
 * GA4 has no event for the rest, so memberkit sends documented custom names
 * in GA4's verb_noun style: `remove_from_wishlist`, `checkout_progress` (the
 * name gtag.js used for checkout steps in Universal Analytics),
 * `review_item`, `visit_store`, `claim_coupon`, `redeem_coupon`, and
 * `identify` (user id and user properties only).
 *
 * @example
 * ```ts
 * import { GA4_EVENT_NAMES } from '@memberkit/core';
 * GA4_EVENT_NAMES.order_completed;
 * //=> 'purchase'
 * ```
 */
export const GA4_EVENT_NAMES = {
  page_viewed: 'page_view',
  product_viewed: 'view_item',
  product_list_viewed: 'view_item_list',
  products_searched: 'search',
  product_favorited: 'add_to_wishlist',
  product_unfavorited: 'remove_from_wishlist',
  product_added: 'add_to_cart',
  product_removed: 'remove_from_cart',
  checkout_started: 'begin_checkout',
  checkout_step_completed: 'checkout_progress',
  order_completed: 'purchase',
  order_refunded: 'refund',
  product_reviewed: 'review_item',
  product_shared: 'share',
  signed_in: 'login',
  signed_up: 'sign_up',
  store_visited: 'visit_store',
  coupon_claimed: 'claim_coupon',
  coupon_used: 'redeem_coupon',
  identified: 'identify',
} as const satisfies Record<EventType, string>;

/**
 * Canonical event types GA4 names without a recommended event of its own.
 *
 * @example
 * ```ts
 * import { GA4_CUSTOM_EVENT_TYPES } from '@memberkit/core';
 * GA4_CUSTOM_EVENT_TYPES.includes('store_visited');
 * //=> true
 * ```
 */
export const GA4_CUSTOM_EVENT_TYPES: readonly EventType[] = [
  'product_unfavorited',
  'checkout_step_completed',
  'product_reviewed',
  'store_visited',
  'coupon_claimed',
  'coupon_used',
  'identified',
];

const BY_NAME: ReadonlyMap<string, EventType> = new Map(Object.entries(GA4_EVENT_NAMES).map(([type, name]) => [name, type as EventType] as const));

/**
 * The canonical event type for a GA4 event name, or `undefined` when the
 * name is not part of memberkit's vocabulary.
 *
 * @example
 * ```ts
 * import { eventTypeFromGa4 } from '@memberkit/core';
 * eventTypeFromGa4('add_to_cart');
 * //=> 'product_added'
 * ```
 */
export function eventTypeFromGa4(name: string): EventType | undefined {
  return BY_NAME.get(name);
}
