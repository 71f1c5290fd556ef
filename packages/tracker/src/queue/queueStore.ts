import type { MemberkitEvent } from '@memberkit/core';

/**
 * Where events wait until the collector acknowledges them. Keyed by event
 * id: `put` replaces an event with the same id (a page view whose dwell grew),
 * `peek` returns the oldest first (UUIDv7 ids sort by creation time), and an
 * event leaves only through `remove`, called after a 2xx or when dropped.
 *
 * @example
 * ```ts
 * import { memoryQueue } from '@memberkit/tracker';
 * import type { QueueStore } from '@memberkit/tracker';
 * const q: QueueStore = memoryQueue();
 * ```
 */
export interface QueueStore {
  readonly kind?: 'indexeddb' | 'storage' | 'memory';
  put(events: readonly MemberkitEvent[]): Promise<void>;
  peek(limit: number): Promise<MemberkitEvent[]>;
  remove(ids: readonly string[]): Promise<void>;
  size(): Promise<number>;
}
