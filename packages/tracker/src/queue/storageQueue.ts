import type { MemberkitEvent } from '@memberkit/core';
import type { KeyValueStorage } from '../platform/keyValueStorage.ts';
import { utf8Length } from '../delivery/utf8Length.ts';
import type { QueueStore } from './queueStore.ts';

/**
 * Caps for a {@link storageQueue}.
 *
 * @example
 * ```ts
 * import type { StorageQueueCaps } from '@memberkit/tracker';
 * const caps: StorageQueueCaps = { maxCount: 500, maxBytes: 1 << 20 };
 * ```
 */
export interface StorageQueueCaps {
  /** Most events kept; the oldest are dropped beyond it. */
  maxCount: number;
  /** Most UTF-8 bytes of serialised events kept; the oldest are dropped beyond it. */
  maxBytes: number;
}

/**
 * A queue in one key of a synchronous string store (`localStorage`, `wx`
 * storage). Capped by count and bytes with the oldest dropped, and a write
 * refused by the quota drops the oldest half and tries once more; it never
 * throws into the host page. Reads the key on every call so tabs sharing the
 * storage see each other's events.
 *
 * @example
 * ```ts
 * import { memoryStorage, storageQueue } from '@memberkit/tracker';
 * const q = storageQueue(memoryStorage(), 'mk_q', { maxCount: 2, maxBytes: 1e6 });
 * await q.put(['a', 'b', 'c'].map((id) => ({ id, type: 'signed_in', timestamp: 0, anonymousId: 'x', source: 'client', properties: {} }) as const));
 * (await q.peek(10)).map((e) => e.id);
 * //=> ['b', 'c']
 * ```
 */
export function storageQueue(kv: KeyValueStorage, key: string, caps: StorageQueueCaps): QueueStore {
  // Kept in memory too, so a storage that refuses every write still queues.
  let mirror: MemberkitEvent[] = [];
  const read = (): MemberkitEvent[] => {
    const raw = kv.get(key);
    if (raw === null) return mirror;
    try {
      const v = JSON.parse(raw) as unknown;
      return Array.isArray(v) ? (v as MemberkitEvent[]) : [];
    } catch {
      return [];
    }
  };
  const write = (events: MemberkitEvent[]) => {
    const sizes = events.map((e) => utf8Length(JSON.stringify(e)));
    let total = sizes.reduce((a, b) => a + b, 0);
    let start = Math.max(0, events.length - caps.maxCount);
    for (let i = 0; i < start; i++) total -= sizes[i] as number;
    while (total > caps.maxBytes && start < events.length) total -= sizes[start++] as number;
    const kept = events.slice(start);
    mirror = kept;
    if (kv.set(key, JSON.stringify(kept))) return;
    // Over the quota: keep the newer half on disk; if even that is refused,
    // clear the key so reads use the in-memory list (nothing is lost then).
    const half = kept.slice(kept.length >> 1);
    if (kv.set(key, JSON.stringify(half))) mirror = half;
    else kv.remove(key);
  };
  return {
    kind: 'storage',
    put: async (events) => {
      const byId = new Map(read().map((e) => [e.id, e]));
      for (const e of events) byId.set(e.id, e);
      write([...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    },
    peek: async (limit) => read().slice(0, limit),
    remove: async (ids) => {
      const gone = new Set(ids);
      write(read().filter((e) => !gone.has(e.id)));
    },
    size: async () => read().length,
  };
}
