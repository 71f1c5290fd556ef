import type { MemberkitEvent } from '@memberkit/core';

/**
 * The canonical events that are timed views.
 *
 * @example
 * ```ts
 * import type { ViewType } from '@memberkit/tracker';
 * const t: ViewType = 'product_viewed';
 * ```
 */
export type ViewType = 'page_viewed' | 'product_viewed';

interface OpenView {
  event: MemberkitEvent;
  extra: Record<string, unknown>;
  visibleMs: number;
  since: number | null;
  sent: boolean;
}

/**
 * The open views' handle.
 *
 * @example
 * ```ts
 * import type { ViewTracker } from '@memberkit/tracker';
 * declare const views: ViewTracker;
 * views.setVisible(false);
 * ```
 */
export interface ViewTracker {
  /** Opens a view: a page view ends the open product view and the previous page view. */
  start(event: MemberkitEvent): void;
  end(type: ViewType): void;
  /** Merges properties into the open page view (vitals, errors). */
  annotate(properties: Record<string, unknown>): void;
  setVisible(visible: boolean): void;
  /** Writes every open view with its dwell so far, keeping it open. */
  checkpoint(): void;
  /** The collector acknowledged these ids: a checkpointed view among them is not rewritten. */
  acked(ids: readonly string[]): void;
  clear(): void;
}

/**
 * Open page and product views and their visible dwell time. A view is
 * written (through `write`) when it ends, or checkpointed with its dwell so
 * far under the same id when the page is hidden, so a later, longer version
 * replaces it rather than counting twice. Only visible time counts.
 *
 * @example
 * ```ts
 * import { createViewTracker } from '@memberkit/tracker';
 * let t = 0;
 * const written: number[] = [];
 * const views = createViewTracker(() => t, (e) => void written.push((e.properties as { dwellMs: number }).dwellMs));
 * views.start({ id: 'v1', type: 'page_viewed', timestamp: 0, anonymousId: 'a', source: 'client', properties: {} });
 * t = 1500;
 * views.end('page_viewed');
 * written;
 * //=> [1500]
 * ```
 */
export function createViewTracker(now: () => number, write: (event: MemberkitEvent) => void): ViewTracker {
  const views = new Map<ViewType, OpenView>();
  let visible = true;
  const writeView = (v: OpenView) => {
    const dwellMs = v.visibleMs + (v.since === null ? 0 : now() - v.since);
    if (!v.sent) write({ ...v.event, properties: { ...v.event.properties, ...v.extra, dwellMs } } as MemberkitEvent);
  };
  const end = (type: ViewType) => {
    const v = views.get(type);
    if (v) writeView(v);
    views.delete(type);
  };
  return {
    start: (event) => {
      const type = event.type as ViewType;
      if (type === 'page_viewed') end('product_viewed');
      end(type);
      views.set(type, { event, extra: {}, visibleMs: 0, since: visible ? now() : null, sent: false });
    },
    end,
    annotate: (properties) => {
      const v = views.get('page_viewed');
      if (v) Object.assign(v.extra, properties);
    },
    setVisible: (v) => {
      if (v === visible) return;
      visible = v;
      const t = now();
      for (const view of views.values()) {
        if (!v && view.since !== null) view.visibleMs += t - view.since;
        view.since = v ? t : null;
      }
    },
    checkpoint: () => views.forEach(writeView),
    acked: (ids) => {
      for (const v of views.values()) if (ids.includes(v.event.id)) v.sent = true;
    },
    clear: () => views.clear(),
  };
}
