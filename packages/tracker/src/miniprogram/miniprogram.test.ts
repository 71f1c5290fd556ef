import type { MemberkitEvent } from '@memberkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { manualTimers, settle } from '../../test/support/manualTimers.ts';
import { createMiniTracker } from './createMiniTracker.ts';
import type { MiniApi } from './miniApi.ts';
import { trackComponent, trackPage } from './trackPage.ts';

type Req = { url: string; data: string; header?: Record<string, string>; headers?: Record<string, string>; success(r: unknown): void; fail(r: unknown): void };

/**
 * A faithful-enough wx / my: sync storage that serialises values and throws
 * past a quota (WeChat: 1 MB per key, 10 MB total), asynchronous requests
 * the test answers by hand, app lifecycle listeners, launch options.
 */
function fakeMini(flavor: 'wechat' | 'alipay', quotaBytes = 10 * 1024 * 1024) {
  const storage = new Map<string, string>();
  const requests: Req[] = [];
  const show: Array<(r: { scene?: number }) => void> = [];
  const hide: Array<() => void> = [];
  const used = () => [...storage.values()].reduce((n, v) => n + v.length, 0);
  const setRaw = (key: string, data: unknown) => {
    const v = JSON.stringify(data);
    if (used() - (storage.get(key)?.length ?? 0) + v.length > quotaBytes) throw new Error('setStorageSync:fail exceed storage max size');
    storage.set(key, v);
  };
  const getRaw = (key: string) => (storage.has(key) ? JSON.parse(storage.get(key) as string) : '');
  const api: MiniApi =
    flavor === 'wechat'
      ? {
          request: (o) => void requests.push(o as unknown as Req),
          getStorageSync: (k) => getRaw(k as string),
          setStorageSync: (k, d) => setRaw(k as string, d),
          removeStorageSync: (k) => void storage.delete(k as string),
          onAppShow: (cb) => void show.push(cb),
          onAppHide: (cb) => void hide.push(cb),
          getLaunchOptionsSync: () => ({ scene: 1011, query: { utm_source: 'poster' } }),
          getSystemInfoSync: () => ({ system: 'iOS 17.4', model: 'iPhone 15', language: 'zh_CN' }),
        }
      : {
          request: (o) => void requests.push(o as unknown as Req),
          getStorageSync: (o) => ({ data: getRaw((o as { key: string }).key) || null }),
          setStorageSync: (o) => setRaw((o as { key: string }).key, (o as { data: unknown }).data),
          removeStorageSync: (o) => void storage.delete((o as { key: string }).key),
          onAppShow: (cb) => void show.push(cb),
          onAppHide: (cb) => void hide.push(cb),
        };
  const answer = (status: number) => {
    const r = requests.shift() as Req;
    if (flavor === 'alipay' && status >= 400) r.fail({ error: 19, status, headers: {} });
    else if (flavor === 'alipay') r.success({ status, headers: {}, data: '' });
    else r.success({ statusCode: status, header: {}, data: '' });
    return (JSON.parse(r.data) as { batch: MemberkitEvent[] }).batch;
  };
  const read = (key: string) => JSON.parse(getRaw(key) as string) as unknown;
  return { api, storage, read, requests, answer, appShow: (scene?: number) => show.forEach((f) => f({ scene })), appHide: () => hide.forEach((f) => f()) };
}

const g = globalThis as unknown as { getCurrentPages?: () => unknown[]; Page?: unknown };
afterEach(() => {
  delete g.getCurrentPages;
});

describe('mini-program tracker', () => {
  it('wraps page options without replacing the global Page; views on show, visible dwell on hide', async () => {
    const mini = fakeMini('wechat');
    const clock = manualTimers();
    const tracker = createMiniTracker({ endpoint: 'https://shop.example/mk/collect', writeKey: 'wk', api: mini.api, now: clock.now, timers: clock.timers });
    const globalPage = () => {};
    g.Page = globalPage;
    const calls: string[] = [];
    const options = trackPage({ data: {}, onShow: () => void calls.push('own show'), onHide: () => void calls.push('own hide'), custom: 1 });
    expect(g.Page).toBe(globalPage);
    expect(options.custom).toBe(1);
    const page = { route: 'pages/goods/detail', ...options } as unknown as { onLoad(q: object): void; onShow(): void; onHide(): void };
    page.onLoad({ id: 'p1' });
    page.onShow();
    await clock.advance(2500);
    page.onHide();
    await settle();
    expect(calls).toEqual(['own show', 'own hide']);
    expect(mini.requests).toHaveLength(1);
    const [view] = mini.answer(200);
    expect(view).toMatchObject({
      type: 'page_viewed',
      properties: { path: '/pages/goods/detail', url: '/pages/goods/detail?id=p1', dwellMs: 2500 },
      context: { channel: 'wechat_miniprogram', scene: 1011, utm: { source: 'poster' }, device: { os: 'iOS 17.4', model: 'iPhone 15' }, locale: 'zh_CN' },
    });
    expect(JSON.parse(mini.storage.get('mk_aid') as string)).toBe(tracker.anonymousId);
  });

  it('queues in storage under a cap, keeps events until a 2xx, and has at most 2 requests in flight', async () => {
    const mini = fakeMini('wechat');
    const clock = manualTimers();
    const tracker = createMiniTracker({ endpoint: '/c', writeKey: 'wk', api: mini.api, now: clock.now, timers: clock.timers, batchSize: 2, maxQueued: 50, maxInFlight: 2 });
    for (let i = 0; i < 80; i++) tracker.track('products_searched', { query: 'q' + i });
    await settle();
    expect(mini.requests.length).toBeLessThanOrEqual(2);
    const stored = mini.read('mk_q') as MemberkitEvent[];
    expect(stored.length).toBeLessThanOrEqual(50);
    mini.answer(500);
    await clock.advance(100);
    expect(mini.read('mk_q')).toHaveLength(stored.length);
    await clock.advance(2000);
    let delivered = 0;
    for (let i = 0; i < 200 && mini.requests.length > 0; i++) {
      expect(mini.requests.length).toBeLessThanOrEqual(2);
      delivered += mini.answer(200).length;
      await clock.advance(2000);
    }
    expect(delivered).toBe(50);
    expect(mini.read('mk_q')).toHaveLength(0);
  });

  it('a full storage never throws into the page', async () => {
    const mini = fakeMini('wechat', 2000);
    const tracker = createMiniTracker({ endpoint: '/c', writeKey: 'wk', api: mini.api, flushInterval: 60_000, batchSize: 1000 });
    expect(() => {
      for (let i = 0; i < 100; i++) tracker.track('product_favorited', { productId: 'p' + i });
    }).not.toThrow();
    await settle();
    tracker.shutdown();
  });

  it('flushes on app hide and stops dwell while the app is in the background', async () => {
    const mini = fakeMini('wechat');
    const clock = manualTimers();
    const tracker = createMiniTracker({ endpoint: '/c', writeKey: 'wk', api: mini.api, now: clock.now, timers: clock.timers, flushInterval: 60_000 });
    tracker.pageShow('pages/index/index');
    await clock.advance(1000);
    mini.appHide();
    await settle();
    expect(mini.requests).toHaveLength(1);
    expect(mini.answer(200)[0]?.properties).toMatchObject({ dwellMs: 1000 });
    await clock.advance(50_000);
    mini.appShow(1047);
    tracker.track('signed_in', {});
    await clock.advance(60_000);
    expect(mini.answer(200)[0]?.context?.scene).toBe(1047);
  });

  it('works with Alipay my: object-style storage, `headers`, HTTP errors through fail', async () => {
    const mini = fakeMini('alipay');
    const clock = manualTimers();
    const tracker = createMiniTracker({ endpoint: '/c', writeKey: 'wk', api: mini.api, flavor: 'alipay', now: clock.now, timers: clock.timers, retryBaseMs: 100 });
    tracker.track('coupon_claimed', { couponId: 'c1' });
    await clock.advance(5000);
    expect(mini.requests[0]?.headers).toBeDefined();
    mini.answer(503);
    await clock.advance(200);
    const [e] = mini.answer(200);
    expect(e).toMatchObject({ type: 'coupon_claimed', context: { channel: 'alipay_miniprogram' } });
    await settle();
    expect(mini.read('mk_q')).toEqual([]);
  });

  it('Component pages and Taro/uni-app style manual calls report the same views', async () => {
    const mini = fakeMini('wechat');
    const clock = manualTimers();
    createMiniTracker({ endpoint: '/c', writeKey: 'wk', api: mini.api, now: clock.now, timers: clock.timers, flushInterval: 1000 });
    g.getCurrentPages = () => [{ route: 'pages/cart/cart', options: { from: 'tab' } }];
    const comp = trackComponent({ methods: { onShow() {} } }) as { methods: { onShow(): void; onHide(): void } };
    comp.methods.onShow.call({});
    await clock.advance(300);
    comp.methods.onHide.call({});
    await settle();
    expect(mini.answer(200)[0]?.properties).toMatchObject({ url: '/pages/cart/cart?from=tab', dwellMs: 300 });
  });
});
