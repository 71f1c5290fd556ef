import { MemberkitError, type EventType, type MemberkitEvent } from '@memberkit/core';
import type { TabMessage } from '../coordination/tabChannel.ts';
import { backoffDelay, classifyStatus, parseRetryAfter } from '../delivery/retryPolicy.ts';
import { splitBatches } from '../delivery/splitBatches.ts';
import { uuidv7Generator } from '../ids/uuidv7.ts';
import { defaultTimeoutProvider } from '../platform/timeoutManager.ts';
import type { BeforeSend, ConsentState, EventProperties, Tracker, TrackerOptions, TrackerPlatform } from './trackerTypes.ts';
import { validateEvent } from './validateEvent.ts';

type ViewType = 'page_viewed' | 'product_viewed';
const SPILL = 'mk_spill';
const SPILL_MAX = 50;
interface OpenView {
  event: MemberkitEvent;
  extra: Record<string, unknown>;
  visibleMs: number;
  since: number | null;
  sent: boolean;
}

/**
 * What a platform adapter drives besides the public API: visibility (dwell
 * counts visible time only), unload delivery and messages from other tabs.
 *
 * @example
 * ```ts
 * declare const controls: TrackerControls;
 * controls.setVisible(false);
 * ```
 */
export interface TrackerControls {
  setVisible(visible: boolean): void;
  /** Ends nothing, but writes every open view with its dwell so far and queues it. */
  checkpoint(): void;
  /** Hands this tab's unsent events to a synchronous sender (sendBeacon) in ≤ 64 KB bodies. */
  unload(send: (body: string) => boolean): void;
  receive(message: TabMessage): void;
}

/**
 * The platform-free tracker: identity, consent, validation, the before-send
 * chain, timed views, the durable queue and the delivery loop. The web and
 * mini-program entry points build a {@link TrackerPlatform} and call this.
 *
 * @example
 * ```ts
 * import { createTrackerCore, memoryQueue, memoryStorage } from '@memberkit/tracker';
 * const { tracker } = createTrackerCore({ endpoint: '/c', writeKey: 'wk' }, { channel: 'web', kv: memoryStorage(), queue: memoryQueue(), send: async () => ({ status: 200 }), context: () => ({}) });
 * typeof tracker.track('signed_in', {});
 * //=> 'string'
 * ```
 */
export function createTrackerCore(options: TrackerOptions, platform: TrackerPlatform): { tracker: Tracker; controls: TrackerControls } {
  if (!options || typeof options.endpoint !== 'string' || !options.endpoint) throw new MemberkitError('invalid_config', 'createTracker needs an endpoint', { field: 'endpoint' });
  if (typeof options.writeKey !== 'string' || !options.writeKey) throw new MemberkitError('invalid_config', 'createTracker needs a writeKey', { field: 'writeKey' });
  const { kv, queue } = platform;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const timers = options.timers ?? defaultTimeoutProvider;
  const batchSize = options.batchSize ?? 20;
  const interval = options.flushInterval ?? 5000;
  const maxAge = options.maxEventAgeMs ?? 7 * 864e5;
  // Visible to the developer by default; never thrown into the host page.
  const onError = options.onError ?? ((e: unknown) => console.warn('[memberkit]', e));
  const chain: BeforeSend[] = [...(options.beforeSend ?? [])];
  const teardowns: Array<() => void> = [];
  const nextId = uuidv7Generator(random, platform.randomBytes);

  let anonymousId = kv.get('mk_aid') ?? '';
  if (!anonymousId) kv.set('mk_aid', (anonymousId = nextId(now())));
  let userId = kv.get('mk_uid') ?? undefined;
  let consent = (kv.get('mk_consent') as ConsentState | null) ?? options.consent ?? 'granted';
  let visible = true;

  // Events this tab queued and nobody has acknowledged yet: what unload can beacon.
  const pending = new Map<string, MemberkitEvent>();
  const flying = new Set<string>();
  const beaconed = new Set<string>();
  const views = new Map<ViewType, OpenView>();
  let attempt = 0;
  let retryAt = 0;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let fresh = 0;

  const report = (e: unknown) => {
    try {
      onError(e);
    } catch {
      // a broken error handler must not break the page either
    }
  };
  const dropping = () => consent === 'denied' && options.dropOnDenial !== false;
  const spilled = kv.get(SPILL);
  if (spilled) {
    kv.remove(SPILL);
    try {
      queue.put(JSON.parse(spilled) as MemberkitEvent[]).catch(report);
    } catch {
      // an unreadable spill is dropped, never thrown
    }
  }

  const build = (type: EventType, properties: object, extra?: Partial<MemberkitEvent>): MemberkitEvent =>
    ({
      id: nextId(now()),
      type,
      timestamp: now(),
      anonymousId,
      ...(userId ? { userId } : {}),
      context: { channel: platform.channel, ...platform.context(), ...options.context },
      source: 'client',
      properties,
      ...extra,
    }) as MemberkitEvent;

  const enqueue = (event: MemberkitEvent): string | undefined => {
    if (dropping()) return undefined;
    let e: MemberkitEvent | null = event;
    for (const link of chain) {
      try {
        e = link(e);
      } catch (err) {
        // Fail closed: a redaction step that crashed must not let the data through.
        report(err);
        e = null;
      }
      if (!e) return undefined;
    }
    pending.set(e.id, e);
    queue.put([e]).catch(report);
    if (++fresh >= batchSize) void flush();
    else if (timer === undefined) schedule(interval);
    return e.id;
  };

  const schedule = (ms: number) => {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  };

  const settle = (ids: string[], ok: boolean) => {
    for (const id of ids) {
      flying.delete(id);
      if (ok) pending.delete(id);
    }
    if (ok) for (const v of views.values()) if (ids.includes(v.event.id)) v.sent = true;
  };

  /** Sends batches until the queue is empty; false when delivery must wait (backoff). */
  const drain = async (): Promise<boolean> => {
    for (let round = 0; round < 100; round++) {
      const events = await queue.peek(batchSize * 5);
      if (!events.length) return true;
      const cutoff = now() - maxAge;
      const stale = events.filter((e) => e.timestamp < cutoff);
      const { batches, oversize } = splitBatches(
        events.filter((e) => e.timestamp >= cutoff),
        batchSize,
      );
      const dead = [...stale, ...oversize].map((e) => e.id);
      if (dead.length) {
        await queue.remove(dead);
        settle(dead, true);
      }
      for (const batch of batches) {
        const ids = batch.map((e) => e.id);
        ids.forEach((id) => flying.add(id));
        platform.post?.({ t: 'fly', ids });
        let res: { status: number; retryAfter?: string | null };
        try {
          res = await platform.send(JSON.stringify({ writeKey: options.writeKey, sentAt: now(), batch }));
        } catch {
          res = { status: 0 };
        }
        const verdict = classifyStatus(res.status);
        if (verdict === 'retry') {
          settle(ids, false);
          platform.post?.({ t: 'done', ids, ok: false });
          attempt++;
          retryAt = now() + Math.max(parseRetryAfter(res.retryAfter, now()), backoffDelay(attempt, random, options.retryBaseMs ?? 1000, options.retryMaxMs ?? 3e5));
          return false;
        }
        if (verdict === 'drop') report(new MemberkitError('invalid_event', `Collector refused a batch of ${ids.length} with HTTP ${res.status}; dropped`, { details: { status: res.status } }));
        await queue.remove(ids);
        settle(ids, true);
        platform.post?.({ t: 'done', ids, ok: true });
        attempt = 0;
        retryAt = 0;
      }
    }
    return true;
  };

  const flush = (): Promise<void> => {
    timers.clearTimeout(timer);
    timer = undefined;
    if (running) {
      again = true;
      return running;
    }
    const blocked = () => consent !== 'granted' || platform.online?.() === false || now() < retryAt;
    running = (async () => {
      // Yield first: `running` must be assigned before this body can clear it.
      await undefined;
      let done = true;
      do {
        again = false;
        fresh = 0;
        if (blocked()) break;
        try {
          const r = await (platform.exclusive ? platform.exclusive(drain) : drain());
          // undefined: another tab holds the lock and is sending; look again later
          done = r === true;
        } catch (err) {
          report(err);
          done = false;
        }
      } while (again && done);
      running = undefined;
      if (consent !== 'granted' || platform.online?.() === false) return;
      if (now() < retryAt) schedule(retryAt - now());
      else if (!done || (await queue.size().catch(() => 0)) > 0) schedule(interval);
    })();
    return running;
  };

  const dwell = (v: OpenView) => v.visibleMs + (v.since === null ? 0 : now() - v.since);
  const writeView = (v: OpenView) => {
    if (!v.sent) enqueue({ ...v.event, properties: { ...v.event.properties, ...v.extra, dwellMs: dwell(v) } } as MemberkitEvent);
  };
  const endView = (type: ViewType) => {
    const v = views.get(type);
    if (v) writeView(v);
    views.delete(type);
  };
  const startView = (type: ViewType, properties: object) => {
    if (type === 'page_viewed') endView('product_viewed');
    endView(type);
    if (dropping()) return;
    views.set(type, { event: build(type, properties), extra: {}, visibleMs: 0, since: visible ? now() : null, sent: false });
  };
  const tracked = <T extends EventType>(type: T, properties: EventProperties<T>): string | undefined => {
    const err = validateEvent(type, properties);
    if (err) return void report(err);
    return enqueue(build(type, properties));
  };

  const tracker: Tracker = {
    track: tracked,
    page: (properties = {}) => startView('page_viewed', properties),
    view: (type, properties) => {
      const err = validateEvent(type, properties);
      if (err) report(err);
      else startView(type, properties);
    },
    annotate: (properties) => {
      const v = views.get('page_viewed');
      if (v) Object.assign(v.extra, properties);
    },
    identify: (id, traits, identifiers) => {
      if (typeof id !== 'string' || !id) return report(new MemberkitError('invalid_event', 'identify needs a userId', { field: 'userId' }));
      kv.set('mk_uid', (userId = id));
      enqueue(build('identified', {}, { ...(traits ? { traits } : {}), ...(identifiers ? { identifiers } : {}) }));
    },
    alias: (id, previousId = anonymousId) => {
      if (typeof id !== 'string' || !id) return report(new MemberkitError('invalid_event', 'alias needs a userId', { field: 'userId' }));
      kv.set('mk_uid', (userId = id));
      enqueue(build('identified', {}, { anonymousId: previousId }));
    },
    reset: () => {
      userId = undefined;
      kv.remove('mk_uid');
      kv.set('mk_aid', (anonymousId = nextId(now())));
    },
    setConsent: (state) => {
      consent = state;
      kv.set('mk_consent', state);
      if (state === 'granted') void flush();
      else if (dropping()) {
        views.clear();
        pending.clear();
        void (async () => {
          let batch: MemberkitEvent[];
          while ((batch = await queue.peek(500)).length) await queue.remove(batch.map((e) => e.id));
        })().catch(report);
      }
    },
    flush,
    use: (plugin) => {
      if (plugin.beforeSend) chain.push(plugin.beforeSend);
      const off = plugin.setup?.(tracker);
      if (off) teardowns.push(off);
    },
    shutdown: () => {
      timers.clearTimeout(timer);
      teardowns.splice(0).forEach((off) => off());
    },
    get anonymousId() {
      return anonymousId;
    },
    get userId() {
      return userId;
    },
    get consent() {
      return consent;
    },
  };
  for (const p of options.plugins ?? []) tracker.use(p);

  const controls: TrackerControls = {
    setVisible: (v) => {
      if (v === visible) return;
      visible = v;
      for (const view of views.values()) {
        if (!v && view.since !== null) view.visibleMs += now() - view.since;
        view.since = v ? now() : null;
      }
    },
    checkpoint: () => views.forEach(writeView),
    unload: (send) => {
      const list = [...pending.values()].filter((e) => !beaconed.has(e.id) && !flying.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
      // The newest events may still be on their way into an asynchronous
      // store (IndexedDB) when the page dies: keep a synchronous copy for the
      // next load, which puts them back into the queue (upsert by id).
      if (list.length && !dropping()) kv.set(SPILL, JSON.stringify(list.slice(-SPILL_MAX)));
      if (consent !== 'granted') return;
      for (const batch of splitBatches(list, 1000).batches) {
        if (!send(JSON.stringify({ writeKey: options.writeKey, sentAt: now(), batch }))) break;
        batch.forEach((e) => beaconed.add(e.id));
      }
    },
    receive: (m) => (m.t === 'fly' ? m.ids.forEach((id) => flying.add(id)) : settle(m.ids, m.ok)),
  };
  return { tracker, controls };
}
