import type { EventContext } from '../core/trackerTypes.ts';

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/**
 * Reads `utm_*` parameters from a query string.
 *
 * @example
 * ```ts
 * import { readUtm } from '@memberkit/tracker';
 * readUtm('?utm_source=wechat&utm_campaign=618&x=1');
 * //=> { source: 'wechat', campaign: '618' }
 * ```
 */
export function readUtm(search: string): EventContext['utm'] {
  const q = new URLSearchParams(search);
  const utm: Record<string, string> = {};
  for (const k of UTM) {
    const v = q.get('utm_' + k);
    if (v) utm[k] = v.slice(0, 200);
  }
  return Object.keys(utm).length ? utm : undefined;
}

/**
 * The context of a browser event: page (url, path, title, referrer), the
 * landing page's UTM, locale, time zone, user agent and a coarse device type.
 * `referrer` is the previous URL inside a single-page app.
 *
 * @example
 * ```ts
 * import { browserContext } from '@memberkit/tracker';
 * browserContext(undefined, document.referrer).page?.path === location.pathname;
 * //=> true
 * ```
 */
export function browserContext(utm: EventContext['utm'], referrer: string): EventContext {
  const ua = navigator.userAgent;
  let timezone: string | undefined;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // very old engines: leave it out
  }
  return {
    page: { url: location.href.slice(0, 4000), path: location.pathname, title: document.title.slice(0, 500), ...(referrer ? { referrer } : {}) },
    ...(referrer ? { referrer } : {}),
    ...(utm ? { utm } : {}),
    locale: navigator.language,
    ...(timezone ? { timezone } : {}),
    userAgent: ua.slice(0, 1000),
    device: { type: /Mobi|Android|iPhone/.test(ua) ? 'mobile' : /iPad|Tablet/.test(ua) ? 'tablet' : 'desktop' },
  };
}
