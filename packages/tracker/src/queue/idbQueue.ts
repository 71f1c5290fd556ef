import type { MemberkitEvent } from '@memberkit/core';
import { openDB } from 'idb';
import { defaultTimeoutProvider, type TimerHandle } from '../platform/timeoutManager.ts';
import type { QueueStore } from './queueStore.ts';

/**
 * Opens the durable queue in IndexedDB (database `memberkit-tracker`, one
 * object store keyed by event id, so `getAll` returns the oldest first).
 * Capped at `maxCount`, oldest dropped. Rejects when IndexedDB is missing or
 * refuses to open (private modes, blocked storage) or does not open within
 * `openTimeoutMs`; the caller falls back.
 *
 * @example
 * ```ts
 * import { idbQueue } from '@memberkit/tracker';
 * const q = await idbQueue('mk_q');
 * q.kind;
 * //=> 'indexeddb'
 * ```
 */
export async function idbQueue(name: string, maxCount = 10_000, openTimeoutMs = 3000): Promise<QueueStore> {
  // Some browsers leave open() pending forever when storage is blocked: give up and fall back.
  let timer: TimerHandle;
  const db = await Promise.race([
    openDB(name, 1, { upgrade: (d) => void d.createObjectStore('q', { keyPath: 'id' }) }),
    new Promise<never>((_, reject) => (timer = defaultTimeoutProvider.setTimeout(() => reject(new Error('IndexedDB open timed out')), openTimeoutMs))),
  ]).finally(() => defaultTimeoutProvider.clearTimeout(timer));
  return {
    kind: 'indexeddb',
    put: async (events) => {
      const tx = db.transaction('q', 'readwrite');
      for (const e of events) void tx.store.put(e);
      const over = (await tx.store.count()) - maxCount;
      if (over > 0) for (const k of await tx.store.getAllKeys(null, over)) void tx.store.delete(k);
      await tx.done;
    },
    peek: (limit) => db.getAll('q', null, limit) as Promise<MemberkitEvent[]>,
    remove: async (ids) => {
      const tx = db.transaction('q', 'readwrite');
      for (const id of ids) void tx.store.delete(id);
      await tx.done;
    },
    size: () => db.count('q'),
  };
}
