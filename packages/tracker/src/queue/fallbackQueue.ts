import type { QueueStore } from './queueStore.ts';

/**
 * A queue that tries durable stores in order and settles on the first that
 * opens: IndexedDB, then capped storage, then memory. Until one opens,
 * calls wait for it, so no event is lost during start-up.
 *
 * @example
 * ```ts
 * import { fallbackQueue, memoryQueue } from '@memberkit/tracker';
 * const q = fallbackQueue([() => Promise.reject(new Error('no idb')), () => memoryQueue()]);
 * await q.size();
 * //=> 0
 * ```
 */
export function fallbackQueue(candidates: ReadonlyArray<() => QueueStore | Promise<QueueStore>>): QueueStore & { ready: Promise<QueueStore> } {
  const ready = (async () => {
    for (const open of candidates.slice(0, -1)) {
      try {
        return await open();
      } catch {
        // try the next store
      }
    }
    return (candidates[candidates.length - 1] as () => QueueStore)();
  })();
  return {
    ready,
    put: async (e) => (await ready).put(e),
    peek: async (n) => (await ready).peek(n),
    remove: async (ids) => (await ready).remove(ids),
    size: async () => (await ready).size(),
  };
}
