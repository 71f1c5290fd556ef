import { MemberkitError } from '@memberkit/core';
import { createTrackerCore } from '../core/createTrackerCore.ts';
import type { EventContext, Tracker, TrackerOptions } from '../core/trackerTypes.ts';
import { storageQueue } from '../queue/storageQueue.ts';
import { miniRequest, miniStorage, type MiniApi, type MiniFlavor } from './miniApi.ts';

/**
 * Options of the mini-program tracker.
 *
 * @example
 * ```ts
 * import type { MiniTrackerOptions } from '@memberkit/tracker/miniprogram';
 * const o: MiniTrackerOptions = { endpoint: 'https://shop.example/mk/collect', writeKey: 'wk', maxQueued: 200 };
 * ```
 */
export interface MiniTrackerOptions extends TrackerOptions {
  /** The platform API object; default the global `wx`, else `my`. */
  api?: MiniApi;
  /** Default: `alipay` when the api is the global `my`, else `wechat`. */
  flavor?: MiniFlavor;
  /** Events kept in storage (default 300) and their byte cap (default 512 KB); the oldest go first. */
  maxQueued?: number;
  maxQueuedBytes?: number;
  /** Requests allowed in flight at once (default 2). */
  maxInFlight?: number;
}

/**
 * A tracker in a mini-program, with page-level controls for the wrappers
 * and for frameworks (Taro hooks, uni-app pages) that call them directly.
 *
 * @example
 * ```ts
 * import type { MiniTracker } from '@memberkit/tracker/miniprogram';
 * declare const t: MiniTracker;
 * t.pageShow('pages/goods/detail', { id: 'p1' });
 * ```
 */
export interface MiniTracker extends Tracker {
  /** A page became visible: starts its page view (each show is one view). */
  pageShow(route?: string, query?: Record<string, string>): void;
  /** The page was hidden or unloaded: its visible dwell stops and the view is queued and flushed. */
  pageHide(): void;
}

declare const wx: MiniApi | undefined;
declare const my: MiniApi | undefined;
declare const getCurrentPages: (() => Array<{ route?: string; options?: Record<string, string> }>) | undefined;

let active: MiniTracker | undefined;

/**
 * The tracker the page wrappers report to: the last one created.
 *
 * @example
 * ```ts
 * import { currentMiniTracker } from '@memberkit/tracker/miniprogram';
 * currentMiniTracker()?.flush();
 * ```
 */
export function currentMiniTracker(): MiniTracker | undefined {
  return active;
}

const currentRoute = () => {
  try {
    const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : [];
    const top = pages[pages.length - 1];
    return { route: top?.route ?? '', query: top?.options ?? {} };
  } catch {
    return { route: '', query: {} };
  }
};
const toUrl = (route: string, query: Record<string, string>) => {
  const qs = Object.keys(query).map((k) => `${k}=${query[k]}`).join('&');
  return '/' + route.replace(/^\//, '') + (qs ? '?' + qs : '');
};

/**
 * Starts the WeChat / Alipay mini-program tracker: the queue lives in
 * `setStorage` under a cap, at most two requests fly at once, app hide
 * flushes, and nothing global (`App`, `Page`) is replaced — pages opt in
 * with `trackPage` / `trackComponent`, or call `pageShow` / `pageHide`.
 *
 * @example
 * ```ts
 * import { createMiniTracker } from '@memberkit/tracker/miniprogram';
 * const tracker = createMiniTracker({ endpoint: 'https://shop.example/mk/collect', writeKey: 'wk_live' });
 * tracker.track('signed_in', { method: 'wechat' });
 * ```
 */
export function createMiniTracker(options: MiniTrackerOptions): MiniTracker {
  const api = options.api ?? (typeof wx !== 'undefined' ? wx : typeof my !== 'undefined' ? my : undefined);
  if (!api) throw new MemberkitError('invalid_config', 'createMiniTracker found no wx or my API; pass options.api', { field: 'api' });
  const flavor: MiniFlavor = options.flavor ?? (typeof my !== 'undefined' && api === my ? 'alipay' : 'wechat');
  const kv = miniStorage(api, flavor);
  const queue = storageQueue(kv, 'mk_q', { maxCount: options.maxQueued ?? 300, maxBytes: options.maxQueuedBytes ?? 512_000 });

  let online = true;
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const maxInFlight = options.maxInFlight ?? 2;
  const send = async (body: string) => {
    if (inFlight >= maxInFlight) await new Promise<void>((r) => waiting.push(r));
    inFlight++;
    try {
      return await miniRequest(api, flavor, options.endpoint, body);
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  };

  const launch = api.getLaunchOptionsSync?.() ?? {};
  let scene = launch.scene;
  let route = '';
  let url = '';
  let referrer = '';
  let sys: ReturnType<NonNullable<MiniApi['getSystemInfoSync']>> = {};
  try {
    sys = api.getSystemInfoSync?.() ?? {};
  } catch {
    // some devtools builds throw here: device info is optional
  }
  const utm: Record<string, string> = {};
  for (const k of ['source', 'medium', 'campaign', 'term', 'content']) {
    const v = launch.query?.['utm_' + k];
    if (v) utm[k] = v;
  }
  const context = (): EventContext => ({
    ...(scene !== undefined ? { scene } : {}),
    page: { path: route, url, ...(referrer ? { referrer } : {}) },
    ...(referrer ? { referrer } : {}),
    ...(Object.keys(utm).length ? { utm } : {}),
    device: { type: 'mobile', ...(sys.system ? { os: sys.system } : {}), ...(sys.model ? { model: sys.model } : {}) },
    ...(sys.language ? { locale: sys.language } : {}),
  });

  const { tracker, controls } = createTrackerCore(options, {
    channel: flavor === 'alipay' ? 'alipay_miniprogram' : 'wechat_miniprogram',
    kv,
    queue,
    send,
    context,
    online: () => online,
  });

  api.onAppShow?.((res) => {
    if (res?.scene !== undefined) scene = res.scene;
    controls.setVisible(true);
    void tracker.flush();
  });
  api.onAppHide?.(() => {
    controls.setVisible(false);
    controls.checkpoint();
    void tracker.flush();
  });
  api.onNetworkStatusChange?.((res) => {
    online = res.isConnected;
    if (online) void tracker.flush();
  });

  const mini = Object.assign(tracker, {
    pageShow: (r?: string, query?: Record<string, string>) => {
      const cur = currentRoute();
      const nextRoute = r ?? cur.route;
      const nextUrl = toUrl(nextRoute, query ?? cur.query);
      if (url) referrer = url;
      route = nextRoute;
      url = nextUrl;
      tracker.page({ path: '/' + nextRoute.replace(/^\//, ''), url: nextUrl });
      controls.setVisible(true);
    },
    pageHide: () => {
      controls.setVisible(false);
      controls.checkpoint();
      void tracker.flush();
    },
  });
  active = mini;
  void tracker.flush();
  return mini;
}
