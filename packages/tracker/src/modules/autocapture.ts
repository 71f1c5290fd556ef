import type { EventType } from '@memberkit/core';
import type { Tracker } from '../core/trackerTypes.ts';

// data-mk-* attributes whose values are numbers in the canonical schema.
const NUMERIC = new Set(['price', 'quantity', 'total', 'discount', 'step', 'rating']);

/**
 * Declarative click capture: a click on (or inside) an element with
 * `data-mk-event="<canonical type>"` tracks that event with the element's
 * other `data-mk-*` attributes as properties (`data-mk-product-id` →
 * `productId`; prices as integers in minor units). Clicks stay canonical, so
 * the collector validates them like any other event. Returns a teardown.
 *
 * @example
 * ```ts
 * import { createTracker } from '@memberkit/tracker';
 * import { autocapture } from '@memberkit/tracker/autocapture';
 * const tracker = createTracker({ endpoint: '/mk/collect', writeKey: 'wk' });
 * // <button data-mk-event="product_favorited" data-mk-product-id="p1">♡</button>
 * const stop = autocapture(tracker);
 * ```
 */
export function autocapture(tracker: Tracker, root: Document | HTMLElement = document): () => void {
  const onClick = (ev: Event) => {
    const el = (ev.target as Element | null)?.closest?.('[data-mk-event]') as HTMLElement | null;
    if (!el) return;
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(el.dataset)) {
      if (!k.startsWith('mk') || k === 'mkEvent' || v === undefined) continue;
      const key = k.charAt(2).toLowerCase() + k.slice(3);
      props[key] = NUMERIC.has(key) ? Number(v) : v;
    }
    tracker.track(el.dataset.mkEvent as EventType, props as never);
  };
  root.addEventListener('click', onClick, { capture: true });
  return () => root.removeEventListener('click', onClick, { capture: true });
}
