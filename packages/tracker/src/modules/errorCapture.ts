import type { Tracker } from '../core/trackerTypes.ts';

/**
 * One captured script error, as attached to the page view.
 *
 * @example
 * ```ts
 * import type { CapturedError } from '@memberkit/tracker/errors';
 * const e: CapturedError = { message: 'x is undefined', source: 'app.js', line: 12 };
 * ```
 */
export interface CapturedError {
  message: string;
  source?: string;
  line?: number;
  column?: number;
  stack?: string;
}

/**
 * Captures uncaught errors and unhandled promise rejections of the page and
 * attaches the first `max` (default 5) to the current page view as
 * `errors: CapturedError[]` (messages and stacks truncated). It only
 * listens: it never swallows the error or replaces `window.onerror`.
 * Returns a teardown.
 *
 * @example
 * ```ts
 * import { createTracker } from '@memberkit/tracker';
 * import { errorCapture } from '@memberkit/tracker/errors';
 * const tracker = createTracker({ endpoint: '/mk/collect', writeKey: 'wk' });
 * const stop = errorCapture(tracker);
 * ```
 */
export function errorCapture(tracker: Tracker, max = 5): () => void {
  let errors: CapturedError[] = [];
  const add = (e: CapturedError) => {
    if (errors.length >= max) return;
    errors = [...errors, { ...e, message: e.message.slice(0, 500), ...(e.stack ? { stack: e.stack.slice(0, 2000) } : {}) }];
    tracker.annotate({ errors });
  };
  const onError = (ev: ErrorEvent) => add({ message: String(ev.message), source: ev.filename, line: ev.lineno, column: ev.colno, stack: (ev.error as Error | undefined)?.stack });
  const onRejection = (ev: PromiseRejectionEvent) => {
    const r = ev.reason as { message?: unknown; stack?: string } | undefined;
    add({ message: String(r?.message ?? r), stack: r?.stack });
  };
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return () => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  };
}
