import type { MemberkitEvent } from '@memberkit/core';
import { describe, expect, it, vi } from 'vitest';
import { fakeCollector } from '../../test/support/fakeCollector.ts';
import { manualTimers, settle } from '../../test/support/manualTimers.ts';
import { memoryStorage, type KeyValueStorage } from '../platform/keyValueStorage.ts';
import { memoryQueue } from '../queue/memoryQueue.ts';
import type { QueueStore } from '../queue/queueStore.ts';
import { createTrackerCore } from './createTrackerCore.ts';
import type { TrackerOptions, TrackerPlatform } from './trackerTypes.ts';

function setup(opts: Partial<TrackerOptions> = {}, statuses: Parameters<typeof fakeCollector>[0] = [], extra: Partial<TrackerPlatform> & { kv?: KeyValueStorage; queue?: QueueStore } = {}) {
  const clock = manualTimers();
  const collector = fakeCollector(statuses);
  const queue = extra.queue ?? memoryQueue();
  const kv = extra.kv ?? memoryStorage();
  const errors: unknown[] = [];
  const { tracker, controls } = createTrackerCore(
    { endpoint: '/c', writeKey: 'wk', now: clock.now, timers: clock.timers, random: () => 0.5, onError: (e) => errors.push(e), flushInterval: 1000, ...opts },
    { channel: 'web', kv, queue, send: collector.send, context: () => ({ locale: 'zh-CN' }), ...extra },
  );
  return { tracker, controls, clock, collector, queue, kv, errors };
}

describe('createTrackerCore', () => {
  it('refuses to start without endpoint or writeKey, naming the field', () => {
    expect(() => setup({ endpoint: '' })).toThrow(expect.objectContaining({ code: 'invalid_config', field: 'endpoint' }));
    expect(() => setup({ writeKey: '' })).toThrow(expect.objectContaining({ code: 'invalid_config', field: 'writeKey' }));
  });

  it('stamps every event with a UUIDv7 id, the client time, the persisted anonymous id and context', async () => {
    const kv = memoryStorage();
    const a = setup({}, [], { kv });
    const id = a.tracker.track('products_searched', { query: '奶粉' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await a.clock.advance(1000);
    const [e] = a.collector.events();
    expect(e).toMatchObject({ id, type: 'products_searched', timestamp: a.clock.now() - 1000, source: 'client', context: { channel: 'web', locale: 'zh-CN' } });
    expect(a.collector.bodies[0]?.writeKey).toBe('wk');
    // A second tracker on the same storage (next page load) keeps the anonymous id.
    expect(setup({}, [], { kv }).tracker.anonymousId).toBe(a.tracker.anonymousId);
  });

  it('adds the user id after identify and forgets it on reset', async () => {
    const t = setup();
    t.tracker.identify('u1', { name: '张三' }, { memberCardNo: 'M1' });
    t.tracker.track('signed_in', { method: 'password' });
    const before = t.tracker.anonymousId;
    t.tracker.reset();
    t.tracker.track('signed_in', {});
    await t.clock.advance(1000);
    const [identified, signedIn, anon] = t.collector.events();
    expect(identified).toMatchObject({ type: 'identified', userId: 'u1', traits: { name: '张三' }, identifiers: { memberCardNo: 'M1' } });
    expect(signedIn?.userId).toBe('u1');
    expect(anon?.userId).toBeUndefined();
    expect(anon?.anonymousId).not.toBe(before);
  });

  it('alias links the new user id to the previous anonymous id', async () => {
    const t = setup();
    const anon = t.tracker.anonymousId;
    t.tracker.alias('u9');
    await t.clock.advance(1000);
    expect(t.collector.events()[0]).toMatchObject({ type: 'identified', userId: 'u9', anonymousId: anon });
  });

  it('keeps an event queued until a 2xx, retrying with backoff', async () => {
    const t = setup({ retryBaseMs: 1000 }, [503, 0, 200]);
    t.tracker.track('signed_in', {});
    await t.clock.advance(1000);
    expect(await t.queue.size()).toBe(1);
    // attempt 1: equal jitter with random 0.5 → 750 ms; attempt 2 → 1500 ms
    await t.clock.advance(749);
    expect(t.collector.bodies).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.collector.bodies).toHaveLength(2);
    await t.clock.advance(1500);
    expect(t.collector.bodies).toHaveLength(3);
    expect(await t.queue.size()).toBe(0);
    // every retry carried the same message id, so the collector can dedupe
    expect(new Set(t.collector.events().map((e) => e.id)).size).toBe(1);
  });

  it('honours Retry-After when it is longer than the backoff', async () => {
    const t = setup({}, [{ status: 429, retryAfter: '30' }, 200]);
    t.tracker.track('signed_in', {});
    await t.clock.advance(1000);
    await t.clock.advance(29_999);
    expect(t.collector.bodies).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.collector.bodies).toHaveLength(2);
  });

  it('drops a batch the collector refuses with a 4xx other than 408/429, and reports it', async () => {
    const t = setup({}, [400, 408, 200]);
    t.tracker.track('signed_in', {});
    await t.clock.advance(1000);
    expect(await t.queue.size()).toBe(0);
    expect(t.errors[0]).toMatchObject({ code: 'invalid_event', details: { status: 400 } });
    t.tracker.track('signed_up', {});
    await t.clock.advance(1000);
    expect(await t.queue.size()).toBe(1);
    await t.clock.advance(2000);
    expect(await t.queue.size()).toBe(0);
  });

  it('drops events older than the maximum age unsent', async () => {
    const t = setup({ maxEventAgeMs: 60_000, retryBaseMs: 100_000 }, [0]);
    t.tracker.track('signed_in', {});
    await t.clock.advance(1000);
    await t.clock.advance(120_000);
    expect(t.collector.bodies).toHaveLength(1);
    expect(await t.queue.size()).toBe(0);
  });

  it('flushes at once when a batch is full and splits by batch size', async () => {
    const t = setup({ batchSize: 3 });
    for (let i = 0; i < 7; i++) t.tracker.track('products_searched', { query: 'q' + i });
    await settle();
    expect(t.collector.bodies.map((b) => b.batch.length).slice(0, 2)).toEqual([3, 3]);
    await t.clock.advance(1000);
    expect(t.collector.events()).toHaveLength(7);
  });

  it('types each canonical event: wrong or missing properties do not compile', () => {
    const t = setup();
    // @ts-expect-error currency is required for product_added
    t.tracker.track('product_added', { productId: 'p1', price: 100, quantity: 1 });
    // @ts-expect-error not a canonical event name
    t.tracker.track('Product Added', {});
    expect(t.errors).toHaveLength(2);
  });

  it('rejects invalid input through onError without queueing or throwing', async () => {
    const t = setup();
    expect(t.tracker.track('product_added', { productId: 'p1', price: 12.5, quantity: 1, currency: 'CNY' })).toBeUndefined();
    expect(t.tracker.track('order_refunded' as never, {} as never)).toBeUndefined();
    expect(t.errors.map((e) => (e as { field: string }).field)).toEqual(['price', 'type']);
    expect(await t.queue.size()).toBe(0);
  });

  it('queues while consent is pending and sends once granted', async () => {
    const t = setup({ consent: 'pending' });
    t.tracker.track('signed_in', {});
    await t.clock.advance(5000);
    expect(t.collector.bodies).toHaveLength(0);
    t.tracker.setConsent('granted');
    await settle();
    expect(t.collector.events()).toHaveLength(1);
  });

  it('drops the queue on denial by default, or keeps it unsent when configured', async () => {
    const drop = setup({ consent: 'pending' });
    drop.tracker.track('signed_in', {});
    await settle();
    drop.tracker.setConsent('denied');
    await settle();
    expect(drop.tracker.track('signed_up', {})).toBeUndefined();
    expect(await drop.queue.size()).toBe(0);
    const keep = setup({ consent: 'pending', dropOnDenial: false });
    keep.tracker.track('signed_in', {});
    keep.tracker.setConsent('denied');
    await keep.clock.advance(5000);
    expect(await keep.queue.size()).toBe(1);
    expect(keep.collector.bodies).toHaveLength(0);
  });

  it('remembers the consent choice across loads', () => {
    const kv = memoryStorage();
    setup({}, [], { kv }).tracker.setConsent('denied');
    expect(setup({ consent: 'granted' }, [], { kv }).tracker.consent).toBe('denied');
  });

  it('runs the before-send chain: enrich, redact, drop; a throwing link drops (fails closed)', async () => {
    const t = setup({
      beforeSend: [(e) => ({ ...e, context: { ...e.context, storeId: 'S1' } }), (e) => (e.type === 'signed_up' ? null : e)],
    });
    const teardown = vi.fn();
    t.tracker.use({ name: 'redact', beforeSend: (e) => (e.identifiers ? { ...e, identifiers: { ...e.identifiers, phone: undefined } } : e), setup: () => teardown });
    t.tracker.use({
      name: 'boom',
      beforeSend: (e) => {
        if (e.type === 'product_shared') throw new Error('bug');
        return e;
      },
    });
    t.tracker.identify('u1', undefined, { phone: '13800000000' });
    t.tracker.track('signed_up', {});
    t.tracker.track('product_shared', {});
    await t.clock.advance(1000);
    const events = t.collector.events();
    expect(events.map((e) => e.type)).toEqual(['identified']);
    expect(events[0]?.context?.storeId).toBe('S1');
    expect(events[0]?.identifiers?.phone).toBeUndefined();
    t.tracker.shutdown();
    expect(teardown).toHaveBeenCalledOnce();
  });

  it('counts only visible time as dwell and sends the view when it ends', async () => {
    const t = setup();
    t.tracker.page({ path: '/a' });
    await t.clock.advance(1000);
    t.controls.setVisible(false);
    await t.clock.advance(4000);
    t.controls.setVisible(true);
    await t.clock.advance(1000);
    t.tracker.page({ path: '/b' });
    await t.clock.advance(1000);
    const views = t.collector.events().filter((e) => e.type === 'page_viewed') as Array<MemberkitEvent<'page_viewed'>>;
    expect(views).toHaveLength(1);
    expect(views[0]?.properties).toMatchObject({ path: '/a', dwellMs: 2000 });
  });

  it('a product view ends with the page and carries its own dwell', async () => {
    const t = setup();
    t.tracker.page({ path: '/p/1' });
    t.tracker.view('product_viewed', { productId: 'p1', price: 9900, currency: 'CNY' });
    await t.clock.advance(3000);
    t.tracker.page({ path: '/' });
    await t.clock.advance(1000);
    const product = t.collector.events().find((e) => e.type === 'product_viewed');
    expect(product?.properties).toMatchObject({ productId: 'p1', dwellMs: 3000 });
  });

  it('checkpoints an open view on hide with the same id, so a later end replaces it rather than adding a view', async () => {
    const t = setup({}, [0]);
    t.tracker.page({ path: '/a' });
    await t.clock.advance(500);
    t.controls.setVisible(false);
    t.controls.checkpoint();
    t.controls.setVisible(true);
    await t.clock.advance(500);
    t.tracker.page({ path: '/b' });
    await t.clock.advance(5000);
    const views = t.collector.events().filter((e) => e.type === 'page_viewed');
    const ids = new Set(views.map((v) => v.id));
    expect(ids.size).toBe(1);
    expect(views.at(-1)?.properties).toMatchObject({ dwellMs: 1000 });
  });

  it('hands unsent events to the unload sender once, excluding those in flight in another tab', async () => {
    const t = setup({ flushInterval: 60_000 });
    const a = t.tracker.track('signed_in', {}) as string;
    const b = t.tracker.track('signed_up', {}) as string;
    t.controls.receive({ t: 'fly', ids: [b] });
    const bodies: string[] = [];
    t.controls.unload((body) => (bodies.push(body), true));
    t.controls.unload((body) => (bodies.push(body), true));
    expect(bodies).toHaveLength(1);
    expect((JSON.parse(bodies[0] as string) as { batch: MemberkitEvent[] }).batch.map((e) => e.id)).toEqual([a]);
    // Beaconed events stay queued until an acknowledged send (the collector dedupes).
    expect(await t.queue.size()).toBe(2);
  });

  it('keeps a synchronous copy of unsent events at unload and queues it again on the next load', async () => {
    const kv = memoryStorage();
    // a queue whose writes never land, like IndexedDB still opening when the page dies
    const lost = { put: () => new Promise<void>(() => {}), peek: async () => [], remove: async () => {}, size: async () => 0 };
    const first = setup({ flushInterval: 60_000 }, [], { kv, queue: lost });
    const id = first.tracker.track('product_favorited', { productId: 'p1' });
    first.controls.unload(() => false);
    const next = setup({}, [], { kv });
    await next.tracker.flush(); // what the web and mini-program adapters do at start
    expect(next.collector.events().map((e) => e.id)).toEqual([id]);
    expect(kv.get('mk_spill')).toBeNull();
  });

  it('does not send while offline and resumes when back online', async () => {
    let online = false;
    const t = setup({}, [], { online: () => online });
    t.tracker.track('signed_in', {});
    await t.clock.advance(10_000);
    expect(t.collector.bodies).toHaveLength(0);
    online = true;
    await t.tracker.flush();
    expect(t.collector.events()).toHaveLength(1);
  });

  it('skips a flush when another tab holds the lock and looks again later', async () => {
    let free = false;
    const t = setup({}, [], { exclusive: async (fn) => (free ? fn() : undefined) });
    t.tracker.track('signed_in', {});
    await t.clock.advance(1000);
    expect(t.collector.bodies).toHaveLength(0);
    free = true;
    await t.clock.advance(1000);
    expect(t.collector.events()).toHaveLength(1);
  });
});
