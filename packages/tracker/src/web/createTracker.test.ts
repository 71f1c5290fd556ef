// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { MemberkitEvent } from '@memberkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualTimers, settle } from '../../test/support/manualTimers.ts';
import { autocapture } from '../modules/autocapture.ts';
import { errorCapture } from '../modules/errorCapture.ts';
import { webVitals } from '../modules/webVitals.ts';
import { memoryQueue } from '../queue/memoryQueue.ts';
import { retail } from '../retail/retail.ts';
import { createTracker } from './createTracker.ts';

const sent: MemberkitEvent[][] = [];
const beacons: string[] = [];
function setup(extra: Record<string, unknown> = {}) {
  const clock = manualTimers();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      sent.push((JSON.parse(init.body) as { batch: MemberkitEvent[] }).batch);
      return new Response('{}', { status: 200 });
    }),
  );
  Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (_u: string, b: Blob) => (void b.text().then((t) => beacons.push(t)), true) });
  const tracker = createTracker({ endpoint: '/mk/collect', writeKey: 'wk', queue: memoryQueue(), now: clock.now, timers: clock.timers, flushInterval: 1000, onError: () => {}, ...extra });
  return { tracker, clock };
}
const all = () => sent.flat();

afterEach(() => {
  sent.length = 0;
  beacons.length = 0;
  localStorage.clear();
  sessionStorage.clear();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

describe('createTracker (web)', () => {
  it('records the landing page with UTM, counts one view per real URL change, and ends views with dwell', async () => {
    history.replaceState(null, '', '/?utm_source=wechat&utm_campaign=618');
    const { tracker, clock } = setup();
    history.pushState(null, '', '/p/1');
    history.pushState(null, '', '/p/1');
    history.replaceState({ y: 1 }, '', '/p/1');
    await clock.advance(0);
    history.pushState(null, '', '/p/2');
    await clock.advance(1000);
    const views = all().filter((e) => e.type === 'page_viewed');
    expect(views.map((v) => v.properties.path)).toEqual(['/', '/p/1']);
    expect(views[0]?.context?.utm).toEqual({ source: 'wechat', campaign: '618' });
    expect(views[1]?.context?.referrer).toContain('utm_source=wechat');
    tracker.shutdown();
  });

  it('hands the open view and unsent events to sendBeacon when the page is hidden', async () => {
    const { tracker } = setup({ flushInterval: 60_000 });
    tracker.track('products_searched', { query: '推车' });
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    const types = beacons.flatMap((b) => (JSON.parse(b) as { batch: MemberkitEvent[] }).batch.map((e) => e.type));
    expect(types.sort()).toEqual(['page_viewed', 'products_searched']);
    tracker.shutdown();
  });

  it('starts with consent denied under Global Privacy Control', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true });
    const { tracker } = setup();
    expect(tracker.consent).toBe('denied');
    expect(tracker.track('signed_in', {})).toBeUndefined();
    tracker.shutdown();
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: undefined });
  });

  it('retail helpers send the canonical events', async () => {
    const { tracker, clock } = setup({ autoPage: false });
    const shop = retail(tracker);
    shop.searched({ query: '奶粉' });
    shop.productAdded({ productId: 'p1', price: 12900, quantity: 1, currency: 'CNY' });
    shop.couponApplied({ couponId: 'c1' });
    shop.checkoutStepCompleted({ step: 2 });
    shop.signedIn();
    shop.productViewed({ productId: 'p1' });
    tracker.page();
    await clock.advance(1000);
    expect(all().map((e) => e.type)).toEqual(['products_searched', 'product_added', 'coupon_used', 'checkout_step_completed', 'signed_in', 'product_viewed']);
    tracker.shutdown();
  });

  it('optional modules: declarative click capture, errors and vitals attached to the page view', async () => {
    const { tracker, clock } = setup();
    const stopClicks = autocapture(tracker);
    const stopErrors = errorCapture(tracker);
    webVitals(tracker, [(cb) => cb({ name: 'LCP', value: 1234.4 } as never), (cb) => cb({ name: 'CLS', value: 0.0123 } as never)]);
    document.body.innerHTML = '<button data-mk-event="product_favorited" data-mk-product-id="p9"><span id="in">♡</span></button>';
    (document.getElementById('in') as HTMLElement).click();
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom', filename: 'app.js', lineno: 3 }));
    tracker.page({ path: '/next' });
    await clock.advance(1000);
    expect(all().find((e) => e.type === 'product_favorited')?.properties).toEqual({ productId: 'p9' });
    const view = all().find((e) => e.type === 'page_viewed');
    expect(view?.properties).toMatchObject({ vitals: { LCP: 1234, CLS: 12 }, errors: [{ message: 'boom', source: 'app.js', line: 3 }] });
    stopClicks();
    stopErrors();
    tracker.shutdown();
  });

  it('uses IndexedDB by default and never loads code from elsewhere', async () => {
    const clock = manualTimers();
    const appended = vi.spyOn(document.head, 'appendChild');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200 })));
    const tracker = createTracker({ endpoint: '/c', writeKey: 'wk', now: clock.now, timers: clock.timers, onError: () => {} });
    tracker.track('signed_in', {});
    await clock.advance(6000);
    expect(vi.mocked(fetch).mock.calls.every(([url]) => url === '/c')).toBe(true);
    expect(appended).not.toHaveBeenCalled();
    tracker.shutdown();
  });
});
