import 'fake-indexeddb/auto';
import type { MemberkitEvent } from '@memberkit/core';
import { describe, expect, it } from 'vitest';
import { memoryStorage, type KeyValueStorage } from '../platform/keyValueStorage.ts';
import { fallbackQueue } from './fallbackQueue.ts';
import { idbQueue } from './idbQueue.ts';
import { memoryQueue } from './memoryQueue.ts';
import { storageQueue } from './storageQueue.ts';

const ev = (id: string, query = 'q'): MemberkitEvent => ({ id, type: 'products_searched', timestamp: 0, anonymousId: 'a', source: 'client', properties: { query } });

describe('queues', () => {
  it('IndexedDB queue: oldest first, upsert by id, removal only on request, capped', async () => {
    const name = 't_' + Math.random();
    const q = await idbQueue(name, 3);
    await q.put([ev('b'), ev('a')]);
    await q.put([ev('a', 'updated'), ev('c')]);
    expect((await q.peek(10)).map((e) => [e.id, (e.properties as { query: string }).query])).toEqual([
      ['a', 'updated'],
      ['b', 'q'],
      ['c', 'q'],
    ]);
    await q.put([ev('d')]);
    expect((await q.peek(10)).map((e) => e.id)).toEqual(['b', 'c', 'd']);
    await q.remove(['c']);
    expect(await q.size()).toBe(2);
    // A second connection (another tab) sees the same queue.
    expect((await (await idbQueue(name)).peek(10)).map((e) => e.id)).toEqual(['b', 'd']);
  });

  it('storage queue drops the oldest beyond the count and byte caps', async () => {
    const kv = memoryStorage();
    const q = storageQueue(kv, 'k', { maxCount: 100, maxBytes: 400 });
    await q.put(['1', '2', '3', '4', '5'].map((id) => ev(id)));
    const kept = (await q.peek(10)).map((e) => e.id);
    expect(kept.length).toBeLessThan(5);
    expect(kept).toEqual(['1', '2', '3', '4', '5'].slice(5 - kept.length));
    expect((kv.get('k') ?? '').length).toBeLessThanOrEqual(400);
  });

  it('storage queue never throws when the quota refuses writes, and keeps events in memory', async () => {
    let allowed = 300;
    const m = new Map<string, string>();
    const kv: KeyValueStorage = {
      get: (k) => m.get(k) ?? null,
      set: (k, v) => (v.length <= allowed ? (m.set(k, v), true) : false),
      remove: (k) => void m.delete(k),
    };
    const q = storageQueue(kv, 'k', { maxCount: 1000, maxBytes: 1e6 });
    for (let i = 0; i < 10; i++) await q.put([ev(String(i))]);
    // The newer half that fits is kept on disk; the oldest were dropped.
    expect((await q.peek(100)).at(-1)?.id).toBe('9');
    allowed = 0;
    await expect(q.put([ev('x')])).resolves.toBeUndefined();
    expect((await q.peek(100)).map((e) => e.id)).toContain('x');
  });

  it('fallback queue settles on the first store that opens', async () => {
    const q = fallbackQueue([() => Promise.reject(new Error('blocked')), () => { throw new Error('no storage'); }, () => memoryQueue()]);
    await q.put([ev('a')]);
    expect((await q.ready).kind).toBe('memory');
    expect(await q.size()).toBe(1);
  });
});
