import type { MemberkitEvent } from '@memberkit/core';
import type { QueueStore } from './queueStore.ts';

/**
 * A queue that lives as long as the page, capped at `maxCount` (oldest dropped).
 *
 * @example
 * ```ts
 * import { memoryQueue } from '@memberkit/tracker';
 * const q = memoryQueue();
 * await q.put([{ id: 'a', type: 'signed_in', timestamp: 0, anonymousId: 'x', source: 'client', properties: {} }]);
 * await q.size();
 * //=> 1
 * ```
 */
export function memoryQueue(maxCount = 1000): QueueStore {
  const m = new Map<string, MemberkitEvent>();
  const sorted = () => [...m.keys()].sort();
  return {
    kind: 'memory',
    put: async (events) => {
      for (const e of events) m.set(e.id, e);
      for (const id of sorted().slice(0, Math.max(0, m.size - maxCount))) m.delete(id);
    },
    peek: async (limit) => sorted().slice(0, limit).map((id) => m.get(id) as MemberkitEvent),
    remove: async (ids) => ids.forEach((id) => m.delete(id)),
    size: async () => m.size,
  };
}
