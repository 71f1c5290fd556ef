import { MemberkitError, type EventType, type MemberkitEvent } from '@memberkit/core';
import type { TabMessage } from '../coordination/tabChannel.ts';
import { createDeliveryLoop } from '../delivery/deliveryLoop.ts';
import { splitBatches } from '../delivery/splitBatches.ts';
import { createIdentity } from '../identity/identity.ts';
import { uuidv7Generator } from '../ids/uuidv7.ts';
import { defaultTimeoutProvider } from '../platform/timeoutManager.ts';
import { recoverSpill, spillEvents } from '../queue/unloadSpill.ts';
import { createViewTracker, type ViewType } from '../views/viewTracker.ts';
import type { BeforeSend, ConsentState, EventProperties, Tracker, TrackerOptions, TrackerPlatform } from './trackerTypes.ts';
import { validateEvent } from './validateEvent.ts';

/**
 * What a platform adapter drives besides the public API: visibility (dwell
 * counts visible time only), unload delivery and messages from other tabs.
 *
 * @example
 * ```ts
 * import type { TrackerControls } from '@memberkit/tracker';
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
  // Visible to the developer by default; never thrown into the host page.
  const onError = options.onError ?? ((e: unknown) => console.warn('[memberkit]', e));
  const report = (e: unknown) => {
    try {
      onError(e);
    } catch {
      // a broken error handler must not break the page either
    }
  };
  const chain: BeforeSend[] = [...(options.beforeSend ?? [])];
  const teardowns: Array<() => void> = [];
  const nextId = uuidv7Generator(random, platform.randomBytes);
  const identity = createIdentity(kv, () => nextId(now()));
  let consent = (kv.get('mk_consent') as ConsentState | null) ?? options.consent ?? 'granted';
  const dropping = () => consent === 'denied' && options.dropOnDenial !== false;

  // Events this tab queued that nobody has acknowledged yet: what unload can beacon.
  const pending = new Map<string, MemberkitEvent>();
  const beaconed = new Set<string>();
  const views = createViewTracker(now, (e) => void enqueue(e));
  const loop = createDeliveryLoop({
    queue,
    send: platform.send,
    exclusive: platform.exclusive,
    post: platform.post,
    online: platform.online,
    writeKey: options.writeKey,
    batchSize: options.batchSize ?? 20,
    flushInterval: options.flushInterval ?? 5000,
    maxEventAgeMs: options.maxEventAgeMs ?? 7 * 864e5,
    retryBaseMs: options.retryBaseMs ?? 1000,
    retryMaxMs: options.retryMaxMs ?? 3e5,
    now,
    random,
    timers: options.timers ?? defaultTimeoutProvider,
    canSend: () => consent === 'granted',
    onAcked: (ids) => {
      ids.forEach((id) => pending.delete(id));
      views.acked(ids);
    },
    report,
  });
  const recovered = recoverSpill(kv);
  if (recovered.length) queue.put(recovered).catch(report);

  const build = (type: EventType, properties: object, extra?: Partial<MemberkitEvent>): MemberkitEvent =>
    ({
      id: nextId(now()),
      type,
      timestamp: now(),
      anonymousId: identity.anonymousId,
      ...(identity.userId ? { userId: identity.userId } : {}),
      context: { channel: platform.channel, ...platform.context(), ...options.context },
      source: 'client',
      properties,
      ...extra,
    }) as MemberkitEvent;

  function enqueue(event: MemberkitEvent): string | undefined {
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
    loop.enqueued();
    return e.id;
  }

  const startView = (type: ViewType, properties: object) => {
    const err = validateEvent(type, properties);
    if (err) return report(err);
    if (dropping()) return views.clear();
    views.start(build(type, properties));
  };
  const needsUser = (id: unknown, what: string) => {
    if (typeof id === 'string' && id) return false;
    report(new MemberkitError('invalid_event', `${what} needs a userId`, { field: 'userId' }));
    return true;
  };

  const tracker: Tracker = {
    track: <T extends EventType>(type: T, properties: EventProperties<T>) => {
      const err = validateEvent(type, properties);
      if (err) return void report(err);
      return enqueue(build(type, properties));
    },
    page: (properties = {}) => startView('page_viewed', properties),
    view: (type, properties) => startView(type, properties),
    annotate: (properties) => views.annotate(properties),
    identify: (id, traits, identifiers) => {
      if (needsUser(id, 'identify')) return;
      identity.setUser(id);
      enqueue(build('identified', {}, { ...(traits ? { traits } : {}), ...(identifiers ? { identifiers } : {}) }));
    },
    alias: (id, previousId = identity.anonymousId) => {
      if (needsUser(id, 'alias')) return;
      identity.setUser(id);
      enqueue(build('identified', {}, { anonymousId: previousId }));
    },
    reset: () => identity.reset(),
    setConsent: (state) => {
      consent = state;
      kv.set('mk_consent', state);
      if (state === 'granted') void loop.flush();
      else if (dropping()) {
        views.clear();
        pending.clear();
        void (async () => {
          let batch: MemberkitEvent[];
          while ((batch = await queue.peek(500)).length) await queue.remove(batch.map((e) => e.id));
        })().catch(report);
      }
    },
    flush: () => loop.flush(),
    use: (plugin) => {
      if (plugin.beforeSend) chain.push(plugin.beforeSend);
      const off = plugin.setup?.(tracker);
      if (off) teardowns.push(off);
    },
    shutdown: () => {
      loop.stop();
      teardowns.splice(0).forEach((off) => off());
    },
    get anonymousId() {
      return identity.anonymousId;
    },
    get userId() {
      return identity.userId;
    },
    get consent() {
      return consent;
    },
  };
  for (const p of options.plugins ?? []) tracker.use(p);

  const controls: TrackerControls = {
    setVisible: (v) => views.setVisible(v),
    checkpoint: () => views.checkpoint(),
    unload: (send) => {
      const list = [...pending.values()].filter((e) => !beaconed.has(e.id) && !loop.inFlight.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
      if (!dropping()) spillEvents(kv, list);
      if (consent !== 'granted') return;
      for (const batch of splitBatches(list, 1000).batches) {
        if (!send(JSON.stringify({ writeKey: options.writeKey, sentAt: now(), batch }))) break;
        batch.forEach((e) => beaconed.add(e.id));
      }
    },
    receive: (m: TabMessage) => loop.receive(m),
  };
  return { tracker, controls };
}
