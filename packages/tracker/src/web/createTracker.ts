import { leaseRunner, webLockRunner } from '../coordination/exclusiveRunner.ts';
import { tabChannel } from '../coordination/tabChannel.ts';
import { createTrackerCore } from '../core/createTrackerCore.ts';
import type { Tracker, TrackerOptions } from '../core/trackerTypes.ts';
import { memoryStorage, webStorage } from '../platform/keyValueStorage.ts';
import { defaultTimeoutProvider } from '../platform/timeoutManager.ts';
import { fallbackQueue } from '../queue/fallbackQueue.ts';
import { idbQueue } from '../queue/idbQueue.ts';
import { memoryQueue } from '../queue/memoryQueue.ts';
import type { QueueStore } from '../queue/queueStore.ts';
import { storageQueue } from '../queue/storageQueue.ts';
import { browserContext, readUtm } from './browserContext.ts';
import { watchNavigation } from './spaNavigation.ts';

/**
 * Options of the browser tracker.
 *
 * @example
 * ```ts
 * import type { WebTrackerOptions } from '@memberkit/tracker';
 * const o: WebTrackerOptions = { endpoint: '/mk/collect', writeKey: 'wk_live', autoPage: true, hashRouting: false };
 * ```
 */
export interface WebTrackerOptions extends TrackerOptions {
  /** Record a page view at start and on every real URL change (default true). */
  autoPage?: boolean;
  /** Treat `#/route` changes as page changes (hash routers; default false). */
  hashRouting?: boolean;
  /** Start with consent denied when the browser sends Global Privacy Control (default true). */
  respectGpc?: boolean;
  /** Name of the IndexedDB database / storage keys (default `memberkit`). */
  storageName?: string;
  /** Replace the IndexedDB → localStorage → memory queue (tests, custom stores). */
  queue?: QueueStore;
}

const post = (url: string, body: string, keepalive: boolean) =>
  fetch(url, { method: 'POST', body, keepalive, credentials: 'omit', headers: { 'content-type': 'text/plain;charset=UTF-8' } });

/**
 * Starts the browser tracker: events wait in IndexedDB (falling back to a
 * capped localStorage queue, then memory), leave it only after a 2xx, are
 * sent in batches by one tab at a time (Web Locks, or a storage lease), and
 * are handed to `sendBeacon` when the page is hidden or closed. Bodies are
 * `text/plain` JSON `{ writeKey, sentAt, batch }` so no CORS preflight runs.
 *
 * @example
 * ```ts
 * import { createTracker } from '@memberkit/tracker';
 * const tracker = createTracker({ endpoint: 'https://shop.example/mk/collect', writeKey: 'wk_live' });
 * tracker.track('products_searched', { query: '婴儿推车' });
 * ```
 */
export function createTracker(options: WebTrackerOptions): Tracker {
  const name = options.storageName ?? 'memberkit';
  const timers = options.timers ?? defaultTimeoutProvider;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const local = webStorage(() => localStorage);
  const session = webStorage(() => sessionStorage);
  const kv = local ?? memoryStorage();
  const queue =
    options.queue ??
    fallbackQueue([
      () => idbQueue(name),
      () => {
        if (!local) throw new Error('no localStorage');
        return storageQueue(local, name + '_q', { maxCount: 500, maxBytes: 1 << 20 });
      },
      () => memoryQueue(),
    ]);
  const nav = navigator as Omit<Navigator, 'locks'> & { globalPrivacyControl?: boolean; locks?: LockManager };
  const gpc = options.respectGpc !== false && nav.globalPrivacyControl === true;

  // Landing UTM kept for the session so later pages stay attributed.
  let utm = readUtm(location.search);
  if (utm) session?.set('mk_utm', JSON.stringify(utm));
  else {
    try {
      utm = JSON.parse(session?.get('mk_utm') ?? 'null') ?? undefined;
    } catch {
      utm = undefined;
    }
  }
  let referrer = document.referrer;

  const channel = tabChannel(name, (m) => controls.receive(m));
  const tabId = Math.floor(random() * 2 ** 52).toString(36);
  const { tracker, controls } = createTrackerCore(
    { ...options, timers, now, random, ...(gpc && options.consent !== 'pending' ? { consent: 'denied' } : {}) },
    {
      channel: 'web',
      kv,
      queue,
      send: async (body) => {
        const r = await post(options.endpoint, body, true);
        return { status: r.status, retryAfter: r.headers.get('retry-after') };
      },
      context: () => browserContext(utm, referrer),
      exclusive: nav.locks ? webLockRunner(name + '_flush', nav.locks) : local ? leaseRunner(name + '_lease', local, tabId, now, timers) : undefined,
      online: () => nav.onLine !== false,
      randomBytes: typeof crypto?.getRandomValues === 'function' ? (n) => Array.from(crypto.getRandomValues(new Uint8Array(n))) : undefined,
      post: channel.post,
    },
  );

  const beacon = (body: string): boolean => {
    try {
      if (nav.sendBeacon?.(options.endpoint, new Blob([body], { type: 'text/plain;charset=UTF-8' }))) return true;
    } catch {
      // fall through to fetch keepalive
    }
    try {
      // The page is going away: nobody is left to read the answer, and the
      // events stay queued until a later acknowledged send.
      post(options.endpoint, body, true).catch(() => undefined);
      return true;
    } catch {
      return false;
    }
  };
  const leave = () => {
    controls.setVisible(false);
    controls.checkpoint();
    controls.unload(beacon);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') leave();
    else {
      controls.setVisible(true);
      void tracker.flush();
    }
  };
  const onOnline = () => void tracker.flush();
  document.addEventListener('visibilitychange', onVisibility);
  addEventListener('pagehide', leave);
  addEventListener('online', onOnline);
  if (document.visibilityState === 'hidden') controls.setVisible(false);

  const pageProps = () => ({ url: location.href.slice(0, 4000), path: location.pathname, title: document.title.slice(0, 500) });
  const stopNav =
    options.autoPage === false
      ? () => {}
      : watchNavigation(
          (prev) => {
            referrer = prev;
            tracker.page(pageProps());
          },
          options.hashRouting === true,
          timers,
        );
  if (options.autoPage !== false) tracker.page(pageProps());
  void tracker.flush();

  const shutdown = tracker.shutdown;
  tracker.shutdown = () => {
    shutdown();
    stopNav();
    channel.close();
    document.removeEventListener('visibilitychange', onVisibility);
    removeEventListener('pagehide', leave);
    removeEventListener('online', onOnline);
  };
  return tracker;
}
