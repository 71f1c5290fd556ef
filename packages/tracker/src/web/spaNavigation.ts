import type { TimeoutProvider } from '../platform/timeoutManager.ts';

/**
 * Calls `onChange(previousHref)` once per real URL change in a single-page
 * app: `pushState`/`replaceState` (wrapped, chaining whatever wrapper was
 * there before), back/forward, and with `hash` also hash routes. Pushing the
 * same URL again, or state-only replaces, are not changes. Returns a
 * teardown that unwraps only if nobody wrapped on top since.
 *
 * @example
 * ```ts
 * import { watchNavigation, defaultTimeoutProvider } from '@memberkit/tracker';
 * const stop = watchNavigation((prev) => console.log('left', prev), false, defaultTimeoutProvider);
 * history.pushState(null, '', '/products/1');
 * stop();
 * ```
 */
export function watchNavigation(onChange: (previousHref: string) => void, hash: boolean, timers: TimeoutProvider): () => void {
  const key = () => location.pathname + location.search + (hash ? location.hash : '');
  let current = key();
  let href = location.href;
  // Deferred a tick so routers that set document.title after pushState are seen.
  const check = () =>
    void timers.setTimeout(() => {
      const k = key();
      if (k === current) return;
      const prev = href;
      current = k;
      href = location.href;
      onChange(prev);
    }, 0);
  const h = history;
  const wrapped: Array<['pushState' | 'replaceState', History['pushState'], History['pushState']]> = [];
  for (const m of ['pushState', 'replaceState'] as const) {
    const orig = h[m];
    const wrapper: History['pushState'] = function (this: History, ...args) {
      const r = orig.apply(this, args);
      check();
      return r;
    };
    h[m] = wrapper;
    wrapped.push([m, orig, wrapper]);
  }
  addEventListener('popstate', check);
  if (hash) addEventListener('hashchange', check);
  return () => {
    for (const [m, orig, wrapper] of wrapped) if (h[m] === wrapper) h[m] = orig;
    removeEventListener('popstate', check);
    removeEventListener('hashchange', check);
  };
}
