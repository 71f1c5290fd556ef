import type { Channel, EventType, MemberkitEvent } from '@memberkit/core';
import type { ExclusiveRunner } from '../coordination/exclusiveRunner.ts';
import type { TabMessage } from '../coordination/tabChannel.ts';
import type { KeyValueStorage } from '../platform/keyValueStorage.ts';
import type { TimeoutProvider } from '../platform/timeoutManager.ts';
import type { QueueStore } from '../queue/queueStore.ts';

/**
 * The properties of canonical event `T`, as `@memberkit/core` defines them.
 *
 * @example
 * ```ts
 * import type { EventProperties } from '@memberkit/tracker';
 * const p: EventProperties<'products_searched'> = { query: '纸尿裤' };
 * ```
 */
export type EventProperties<T extends EventType> = MemberkitEvent<T>['properties'];

/**
 * Context attached to every event (page, UTM, referrer, scene, device, locale).
 *
 * @example
 * ```ts
 * import type { EventContext } from '@memberkit/tracker';
 * const c: EventContext = { channel: 'web', locale: 'zh-CN' };
 * ```
 */
export type EventContext = NonNullable<MemberkitEvent['context']>;

/**
 * Profile traits sent with identify.
 *
 * @example
 * ```ts
 * import type { Traits } from '@memberkit/tracker';
 * const t: Traits = { name: '张三', gender: 'female' };
 * ```
 */
export type Traits = NonNullable<MemberkitEvent['traits']>;

/**
 * Extra identifiers (phone, email, member card, openid, unionid).
 *
 * @example
 * ```ts
 * import type { Identifiers } from '@memberkit/tracker';
 * const ids: Identifiers = { memberCardNo: 'M0001' };
 * ```
 */
export type Identifiers = NonNullable<MemberkitEvent['identifiers']>;

/**
 * Analytics consent: `pending` queues without sending, `denied` stops
 * (dropping the queue unless `dropOnDenial` is false).
 *
 * @example
 * ```ts
 * import type { ConsentState } from '@memberkit/tracker';
 * const c: ConsentState = 'pending';
 * ```
 */
export type ConsentState = 'granted' | 'denied' | 'pending';

/**
 * One link of the before-send chain: return the event (changed or not), or
 * `null` to drop it. Runs before the event is stored, so redacted data never
 * reaches the device's storage.
 *
 * @example
 * ```ts
 * import type { BeforeSend } from '@memberkit/tracker';
 * const noEmail: BeforeSend = (e) => (e.identifiers?.email ? { ...e, identifiers: { ...e.identifiers, email: undefined } } : e);
 * ```
 */
export type BeforeSend = (event: MemberkitEvent) => MemberkitEvent | null;

/**
 * A plugin: an optional before-send link and an optional setup that may
 * return a teardown, called by `shutdown`.
 *
 * @example
 * ```ts
 * import type { TrackerPlugin } from '@memberkit/tracker';
 * const storeTag: TrackerPlugin = { name: 'store', beforeSend: (e) => ({ ...e, context: { ...e.context, storeId: 'S01' } }) };
 * ```
 */
export interface TrackerPlugin {
  name: string;
  beforeSend?: BeforeSend;
  setup?(tracker: Tracker): void | (() => void);
}

/**
 * Options shared by the web and mini-program trackers.
 *
 * @example
 * ```ts
 * import type { TrackerOptions } from '@memberkit/tracker';
 * const o: TrackerOptions = { endpoint: '/v1/collect', writeKey: 'wk_demo', batchSize: 10 };
 * ```
 */
export interface TrackerOptions {
  /** Collector URL; a first-party path (`/mk/collect`) keeps ad blockers away. */
  endpoint: string;
  writeKey: string;
  /** Events per request (default 20); reaching it flushes at once. */
  batchSize?: number;
  /** Milliseconds a partial batch waits (default 5000). */
  flushInterval?: number;
  /** Events older than this are dropped unsent (default 7 days). */
  maxEventAgeMs?: number;
  /** First retry wait (default 1000 ms), doubled per failure up to `retryMaxMs` (default 5 min). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Consent before the user chose (default `granted`); a stored choice wins. */
  consent?: ConsentState;
  /** Drop queued events when consent is denied (default true); false keeps them unsent. */
  dropOnDenial?: boolean;
  /** Static context merged into every event (store, guide, channel...). */
  context?: EventContext;
  beforeSend?: readonly BeforeSend[];
  plugins?: readonly TrackerPlugin[];
  /** Receives invalid input and delivery failures; the tracker never throws into the page after start-up. */
  onError?: (error: unknown) => void;
  /** Injected for tests: clock, uniform random in [0, 1), timers. */
  now?: () => number;
  random?: () => number;
  timers?: TimeoutProvider;
}

/**
 * The tracker API, identical on the web and in mini-programs.
 *
 * @example
 * ```ts
 * import type { Tracker } from '@memberkit/tracker';
 * declare const tracker: Tracker;
 * tracker.track('products_searched', { query: '奶粉' });
 * ```
 */
export interface Tracker {
  /** Records a canonical event; returns its id, or undefined if it was rejected or dropped. */
  track<T extends EventType>(type: T, properties: EventProperties<T>): string | undefined;
  /** Starts a page view (the previous one ends and is sent with its visible dwell time). */
  page(properties?: EventProperties<'page_viewed'>): void;
  /** Starts a timed view (`product_viewed`), ended by the next one, a page change or the page closing. */
  view(type: 'product_viewed', properties: EventProperties<'product_viewed'>): void;
  /** Adds properties to the current page view before it is sent (used by optional modules). */
  annotate(properties: Record<string, unknown>): void;
  identify(userId: string, traits?: Traits, identifiers?: Identifiers): void;
  /** Links `userId` to a previous id (default: this device's anonymous id). */
  alias(userId: string, previousId?: string): void;
  /** Forgets the user: new anonymous id, no user id (call on logout). */
  reset(): void;
  setConsent(state: ConsentState): void;
  /** Sends what is queued now; resolves when the queue is drained or delivery must wait. */
  flush(): Promise<void>;
  use(plugin: TrackerPlugin): void;
  /** Stops timers and listeners; queued events stay for the next start. */
  shutdown(): void;
  readonly anonymousId: string;
  readonly userId: string | undefined;
  readonly consent: ConsentState;
}

/**
 * What a platform adapter (web, WeChat, Alipay, tests) gives the core.
 *
 * @example
 * ```ts
 * import { memoryQueue, memoryStorage } from '@memberkit/tracker';
 * import type { TrackerPlatform } from '@memberkit/tracker';
 * const p: TrackerPlatform = { channel: 'web', kv: memoryStorage(), queue: memoryQueue(), send: async () => ({ status: 200 }), context: () => ({}) };
 * ```
 */
export interface TrackerPlatform {
  channel: Channel;
  kv: KeyValueStorage;
  queue: QueueStore;
  /** POSTs one JSON body to the collector; status 0 when nothing answered. */
  send(body: string): Promise<{ status: number; retryAfter?: string | null }>;
  context(): EventContext;
  exclusive?: ExclusiveRunner;
  online?(): boolean;
  randomBytes?(n: number): number[];
  /** Another tab's message hook; the core posts through `post`. */
  post?(message: TabMessage): void;
}
