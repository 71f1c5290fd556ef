import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, GA4_CUSTOM_EVENT_TYPES, GA4_EVENT_NAMES, SEGMENT_TRACK_EVENT_NAMES, eventTypeFromGa4, eventTypeFromSegment, segmentCallFor } from '../index.ts';

// Names as published: Segment "Spec: V2 Ecommerce Events" and "Spec: B2B SaaS";
// GA4 "Recommended events" reference. Kept as literal lists here so a typo in
// the tables fails against the documents, not against themselves.
const SEGMENT_SPEC_NAMES = [
  'Products Searched', 'Product List Viewed', 'Product Viewed', 'Product Added', 'Product Removed', 'Checkout Started',
  'Checkout Step Completed', 'Order Completed', 'Order Refunded', 'Coupon Applied', 'Product Added to Wishlist',
  'Product Removed from Wishlist', 'Product Shared', 'Product Reviewed', 'Signed In', 'Signed Up',
];
const GA4_RECOMMENDED = [
  'page_view', 'view_item', 'view_item_list', 'search', 'add_to_wishlist', 'add_to_cart', 'remove_from_cart',
  'begin_checkout', 'purchase', 'refund', 'share', 'login', 'sign_up',
];

describe('event name tables', () => {
  it('map every canonical type 1:1 onto a Segment call and back', () => {
    const calls = EVENT_TYPES.map((t) => JSON.stringify(segmentCallFor(t)));
    expect(new Set(calls).size).toBe(EVENT_TYPES.length);
    for (const t of EVENT_TYPES) {
      const call = segmentCallFor(t);
      expect(eventTypeFromSegment(call.type, call.type === 'track' ? call.event : undefined)).toBe(t);
    }
  });

  it('use the published Segment names for every spec event, custom names only for the two without one', () => {
    const names = Object.values(SEGMENT_TRACK_EVENT_NAMES) as string[];
    expect(names.filter((n) => !SEGMENT_SPEC_NAMES.includes(n)).sort()).toEqual(['Coupon Claimed', 'Store Visited']);
    expect(SEGMENT_SPEC_NAMES.every((n) => names.includes(n))).toBe(true);
  });

  it('map every canonical type 1:1 onto a GA4 name and back', () => {
    const names = EVENT_TYPES.map((t) => GA4_EVENT_NAMES[t]);
    expect(new Set(names).size).toBe(EVENT_TYPES.length);
    for (const t of EVENT_TYPES) expect(eventTypeFromGa4(GA4_EVENT_NAMES[t])).toBe(t);
  });

  it('use GA4 recommended names wherever GA4 has one, and valid custom names elsewhere', () => {
    for (const t of EVENT_TYPES) {
      const name = GA4_EVENT_NAMES[t];
      expect(GA4_RECOMMENDED.includes(name) || GA4_CUSTOM_EVENT_TYPES.includes(t)).toBe(true);
      // GA4 collection limits: ≤ 40 chars, letter first, letters / digits / underscores, no reserved prefix.
      expect(name).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
      expect(name).not.toMatch(/^(google_|ga_|firebase_)/);
    }
    expect(GA4_RECOMMENDED.every((n) => (Object.values(GA4_EVENT_NAMES) as string[]).includes(n))).toBe(true);
  });

  it('know nothing of names outside the vocabulary', () => {
    expect([eventTypeFromSegment('track', 'Cart Viewed'), eventTypeFromSegment('screen'), eventTypeFromGa4('select_item')]).toEqual([undefined, undefined, undefined]);
  });
});
