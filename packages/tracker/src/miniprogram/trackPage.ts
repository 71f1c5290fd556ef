import { currentMiniTracker } from './createMiniTracker.ts';

type Hook = (this: PageThis, ...args: unknown[]) => unknown;
type PageThis = { route?: string; __route__?: string; __mkQuery?: Record<string, string> };

// Calls our hook, then the page's own; our hook can never break the page.
function chain(own: unknown, ours: (self: PageThis, args: unknown[]) => void): Hook {
  return function (this: PageThis, ...args) {
    try {
      ours(this, args);
    } catch {
      // tracking must never break a page
    }
    return typeof own === 'function' ? (own as Hook).apply(this, args) : undefined;
  };
}

function wrapLifecycle<T extends Record<string, unknown>>(o: T): T {
  return {
    ...o,
    onLoad: chain(o.onLoad, (self, [query]) => (self.__mkQuery = (query as Record<string, string>) ?? {})),
    onShow: chain(o.onShow, (self) => currentMiniTracker()?.pageShow(self.route ?? self.__route__, self.__mkQuery)),
    onHide: chain(o.onHide, () => currentMiniTracker()?.pageHide()),
    onUnload: chain(o.onUnload, () => currentMiniTracker()?.pageHide()),
  };
}

/**
 * Wraps the options of a page so it reports a page view on every show and
 * its visible dwell on hide / unload. Returns new options, calling the
 * page's own hooks as before; the global `Page` is never replaced, so other
 * plugins keep working. Also fits uni-app page options (same hook names).
 *
 * @example
 * ```ts
 * import { trackPage } from '@memberkit/tracker/miniprogram';
 * declare const Page: (options: object) => void; // the mini-program global
 * Page(trackPage({ data: {}, onShow() { console.log('shown'); } }));
 * ```
 */
export function trackPage<T extends Record<string, unknown>>(options: T): T {
  return wrapLifecycle(options);
}

/**
 * Like {@link trackPage} for pages built with `Component({ methods: { onShow … } })`.
 *
 * @example
 * ```ts
 * import { trackComponent } from '@memberkit/tracker/miniprogram';
 * declare const Component: (options: object) => void; // the mini-program global
 * Component(trackComponent({ methods: { onLoad(query: Record<string, string>) { console.log(query.id); } } }));
 * ```
 */
export function trackComponent<T extends Record<string, unknown>>(options: T): T {
  return { ...options, methods: wrapLifecycle((options.methods as Record<string, unknown> | undefined) ?? {}) };
}
