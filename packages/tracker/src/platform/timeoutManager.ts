/**
 * An opaque timer handle: a number in browsers, whatever the host returns elsewhere.
 *
 * @example
 * ```ts
 * import type { TimerHandle } from '@memberkit/tracker';
 * const h: TimerHandle = setTimeout(() => {}, 0);
 * ```
 */
export type TimerHandle = unknown;

/**
 * Where timers come from, injected so tests can drive time by hand and
 * mini-program hosts can supply their own (TanStack Query's `timeoutManager`
 * pattern). No `NodeJS.Timeout` leaks into browser types.
 *
 * @example
 * ```ts
 * import type { TimeoutProvider } from '@memberkit/tracker';
 * const timers: TimeoutProvider = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) };
 * ```
 */
export interface TimeoutProvider {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The host's global timers (browser, WeChat, Alipay all provide them).
 *
 * @example
 * ```ts
 * import { defaultTimeoutProvider } from '@memberkit/tracker';
 * const h = defaultTimeoutProvider.setTimeout(() => {}, 10);
 * defaultTimeoutProvider.clearTimeout(h);
 * ```
 */
export const defaultTimeoutProvider: TimeoutProvider = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
};
