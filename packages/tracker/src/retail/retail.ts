import type { Tracker, EventProperties } from '../core/trackerTypes.ts';

/**
 * Typed shortcuts for the canonical retail events. Orders are reported by
 * the merchant's backend (points never come from a browser event);
 * `orderCompletedHint` exists for funnels only and the collector marks it
 * as a client event.
 *
 * @example
 * ```ts
 * import type { RetailHelpers } from '@memberkit/tracker/retail';
 * declare const shop: RetailHelpers;
 * shop.productAdded({ productId: 'p1', price: 12900, quantity: 1, currency: 'CNY' });
 * ```
 */
export interface RetailHelpers {
  /** Starts a timed product view; its visible dwell is sent when it ends. */
  productViewed(p: EventProperties<'product_viewed'>): void;
  productListViewed(p: EventProperties<'product_list_viewed'>): string | undefined;
  searched(p: EventProperties<'products_searched'>): string | undefined;
  favorited(p: EventProperties<'product_favorited'>): string | undefined;
  unfavorited(p: EventProperties<'product_unfavorited'>): string | undefined;
  productAdded(p: EventProperties<'product_added'>): string | undefined;
  productRemoved(p: EventProperties<'product_removed'>): string | undefined;
  checkoutStarted(p: EventProperties<'checkout_started'>): string | undefined;
  checkoutStepCompleted(p: EventProperties<'checkout_step_completed'>): string | undefined;
  couponClaimed(p: EventProperties<'coupon_claimed'>): string | undefined;
  /** A coupon applied at checkout (`coupon_used`). */
  couponApplied(p: EventProperties<'coupon_used'>): string | undefined;
  productShared(p: EventProperties<'product_shared'>): string | undefined;
  productReviewed(p: EventProperties<'product_reviewed'>): string | undefined;
  signedIn(p?: EventProperties<'signed_in'>): string | undefined;
  signedUp(p?: EventProperties<'signed_up'>): string | undefined;
  orderCompletedHint(p: EventProperties<'order_completed'>): string | undefined;
}

const NAMES = {
  productListViewed: 'product_list_viewed',
  searched: 'products_searched',
  favorited: 'product_favorited',
  unfavorited: 'product_unfavorited',
  productAdded: 'product_added',
  productRemoved: 'product_removed',
  checkoutStarted: 'checkout_started',
  checkoutStepCompleted: 'checkout_step_completed',
  couponClaimed: 'coupon_claimed',
  couponApplied: 'coupon_used',
  productShared: 'product_shared',
  productReviewed: 'product_reviewed',
  signedIn: 'signed_in',
  signedUp: 'signed_up',
  orderCompletedHint: 'order_completed',
} as const;

/**
 * Binds the {@link RetailHelpers} to a tracker (web or mini-program).
 *
 * @example
 * ```ts
 * import { createTracker } from '@memberkit/tracker';
 * import { retail } from '@memberkit/tracker/retail';
 * const shop = retail(createTracker({ endpoint: '/mk/collect', writeKey: 'wk' }));
 * shop.searched({ query: '奶粉' });
 * ```
 */
export function retail(tracker: Tracker): RetailHelpers {
  const helpers = { productViewed: (p: EventProperties<'product_viewed'>) => tracker.view('product_viewed', p) } as Record<string, unknown>;
  for (const [method, type] of Object.entries(NAMES)) helpers[method] = (p: object = {}) => tracker.track(type, p as never);
  return helpers as unknown as RetailHelpers;
}
