import type { Metric } from 'web-vitals';
import type { Tracker } from '../core/trackerTypes.ts';

/**
 * A `web-vitals` reporter such as `onLCP`, `onINP`, `onCLS`.
 *
 * @example
 * ```ts
 * import { onLCP } from 'web-vitals';
 * import type { VitalReporter } from '@memberkit/tracker/web-vitals';
 * const r: VitalReporter = onLCP;
 * ```
 */
export type VitalReporter = (callback: (metric: Metric) => void) => void;

/**
 * Attaches the metrics of the given `web-vitals` reporters (bundled with
 * your app, never fetched from a CDN) to the current page view as
 * `vitals: { LCP, INP, CLS, … }` (ms; CLS ×1000; rounded), so they travel
 * with the view and its dwell instead of as extra events. You pass the
 * reporters so you pay only for the metrics you want: LCP + INP + CLS from
 * `web-vitals` weigh about 3.1 KB gzip, this wrapper a few hundred bytes.
 *
 * @example
 * ```ts
 * import { onCLS, onINP, onLCP } from 'web-vitals';
 * import { createTracker } from '@memberkit/tracker';
 * import { webVitals } from '@memberkit/tracker/web-vitals';
 * const tracker = createTracker({ endpoint: '/mk/collect', writeKey: 'wk' });
 * webVitals(tracker, [onLCP, onINP, onCLS]);
 * ```
 */
export function webVitals(tracker: Tracker, reporters: readonly VitalReporter[]): void {
  const vitals: Record<string, number> = {};
  for (const on of reporters)
    on((m) => {
      vitals[m.name] = Math.round(m.name === 'CLS' ? m.value * 1000 : m.value);
      tracker.annotate({ vitals: { ...vitals } });
    });
}
