import { MemberkitError, type MemberkitEvent } from '@memberkit/core';
import type { ExclusiveRunner } from '../coordination/exclusiveRunner.ts';
import type { TabMessage } from '../coordination/tabChannel.ts';
import type { TimeoutProvider } from '../platform/timeoutManager.ts';
import type { QueueStore } from '../queue/queueStore.ts';
import { backoffDelay, classifyStatus, parseRetryAfter } from './retryPolicy.ts';
import { splitBatches } from './splitBatches.ts';

/**
 * What a {@link DeliveryLoop} needs: the shared queue, a sender, an
 * optional cross-tab lock and channel, the retry policy, injected time.
 *
 * @example
 * ```ts
 * import { memoryQueue, defaultTimeoutProvider } from '@memberkit/tracker';
 * import type { DeliveryLoopOptions } from '@memberkit/tracker';
 * const o: DeliveryLoopOptions = { queue: memoryQueue(), send: async () => ({ status: 200 }), writeKey: 'wk', batchSize: 20, flushInterval: 5000, maxEventAgeMs: 6048e5, retryBaseMs: 1000, retryMaxMs: 3e5, now: Date.now, random: Math.random, timers: defaultTimeoutProvider, canSend: () => true, onAcked: () => {}, report: () => {} };
 * ```
 */
export interface DeliveryLoopOptions {
  queue: QueueStore;
  send(body: string): Promise<{ status: number; retryAfter?: string | null }>;
  exclusive?: ExclusiveRunner;
  post?(message: TabMessage): void;
  online?(): boolean;
  writeKey: string;
  batchSize: number;
  flushInterval: number;
  maxEventAgeMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  now(): number;
  random(): number;
  timers: TimeoutProvider;
  /** False while consent is not granted: nothing leaves the queue. */
  canSend(): boolean;
  /** Events acknowledged (or dropped for good) by this tab or another one. */
  onAcked(ids: readonly string[]): void;
  report(error: unknown): void;
}

/**
 * The delivery loop's handle.
 *
 * @example
 * ```ts
 * import type { DeliveryLoop } from '@memberkit/tracker';
 * declare const loop: DeliveryLoop;
 * await loop.flush();
 * ```
 */
export interface DeliveryLoop {
  /** Called after each enqueue: a full batch flushes now, else the batch timer starts. */
  enqueued(): void;
  /** Sends what is queued; resolves when the queue is drained or delivery must wait. */
  flush(): Promise<void>;
  /** A message from another tab about ids it is sending or has sent. */
  receive(message: TabMessage): void;
  /** Ids being sent right now by this tab or, per the channel, another one. */
  readonly inFlight: ReadonlySet<string>;
  stop(): void;
}

/**
 * Moves events from the queue to the collector: batches by size and time,
 * one flush at a time per tab and (through `exclusive`) per origin, deletes
 * an event only after a 2xx, drops refused (4xx but 408/429), stale or
 * oversize ones, and retries the rest with jittered exponential backoff or
 * the server's `Retry-After`.
 *
 * @example
 * ```ts
 * import { createDeliveryLoop, memoryQueue, defaultTimeoutProvider } from '@memberkit/tracker';
 * const loop = createDeliveryLoop({ queue: memoryQueue(), send: async () => ({ status: 200 }), writeKey: 'wk', batchSize: 20, flushInterval: 5000, maxEventAgeMs: 6048e5, retryBaseMs: 1000, retryMaxMs: 3e5, now: Date.now, random: Math.random, timers: defaultTimeoutProvider, canSend: () => true, onAcked: () => {}, report: () => {} });
 * await loop.flush();
 * loop.inFlight.size;
 * //=> 0
 * ```
 */
export function createDeliveryLoop(o: DeliveryLoopOptions): DeliveryLoop {
  const { queue, now, timers, batchSize, flushInterval, post, report, onAcked } = o;
  const inFlight = new Set<string>();
  // Retry state: consecutive failures and when sending may resume.
  let attempt = 0;
  let retryAt = 0;
  // Scheduling state: the batch/retry timer, the flush under way, a flush
  // requested while one ran, events queued since the last flush.
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let fresh = 0;

  const blocked = () => !o.canSend() || o.online?.() === false;
  const settle = (ids: readonly string[], ok: boolean) => {
    ids.forEach((id) => inFlight.delete(id));
    if (ok) onAcked(ids);
  };
  const schedule = (ms: number) => {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  };

  const sendBatch = async (batch: MemberkitEvent[]): Promise<boolean> => {
    const ids = batch.map((e) => e.id);
    ids.forEach((id) => inFlight.add(id));
    post?.({ t: 'fly', ids });
    let res: { status: number; retryAfter?: string | null };
    try {
      res = await o.send(JSON.stringify({ writeKey: o.writeKey, sentAt: now(), batch }));
    } catch {
      res = { status: 0 };
    }
    const verdict = classifyStatus(res.status);
    if (verdict === 'retry') {
      settle(ids, false);
      post?.({ t: 'done', ids, ok: false });
      const wait = backoffDelay(++attempt, o.random, o.retryBaseMs, o.retryMaxMs);
      retryAt = now() + Math.max(parseRetryAfter(res.retryAfter, now()), wait);
      return false;
    }
    if (verdict === 'drop') report(new MemberkitError('invalid_event', `Collector refused a batch of ${ids.length} with HTTP ${res.status}; dropped`, { details: { status: res.status } }));
    await queue.remove(ids);
    settle(ids, true);
    post?.({ t: 'done', ids, ok: true });
    attempt = 0;
    retryAt = 0;
    return true;
  };

  /** Sends batches until the queue is empty (true) or delivery must back off (false). */
  const drain = async (): Promise<boolean> => {
    for (let round = 0; round < 100; round++) {
      const events = await queue.peek(batchSize * 5);
      if (!events.length) return true;
      const cutoff = now() - o.maxEventAgeMs;
      const { batches, oversize } = splitBatches(
        events.filter((e) => e.timestamp >= cutoff),
        batchSize,
      );
      const dead = [...events.filter((e) => e.timestamp < cutoff), ...oversize].map((e) => e.id);
      if (dead.length) {
        await queue.remove(dead);
        settle(dead, true);
      }
      for (const batch of batches) if (!(await sendBatch(batch))) return false;
    }
    return true;
  };

  const run = async () => {
    // Yield first: `running` must be assigned before this body can clear it.
    await undefined;
    let done = true;
    do {
      again = false;
      fresh = 0;
      if (blocked() || now() < retryAt) break;
      try {
        // undefined: another tab holds the lock and is sending; look again later
        done = (await (o.exclusive ? o.exclusive(drain) : drain())) === true;
      } catch (err) {
        report(err);
        done = false;
      }
    } while (again && done);
    running = undefined;
    if (blocked()) return;
    if (now() < retryAt) schedule(retryAt - now());
    else if (!done || (await queue.size().catch(() => 0)) > 0) schedule(flushInterval);
  };

  function flush(): Promise<void> {
    timers.clearTimeout(timer);
    timer = undefined;
    if (running) {
      again = true;
      return running;
    }
    return (running = run());
  }

  return {
    enqueued: () => {
      if (++fresh >= batchSize) void flush();
      else if (timer === undefined) schedule(flushInterval);
    },
    flush,
    receive: (m) => (m.t === 'fly' ? m.ids.forEach((id) => inFlight.add(id)) : settle(m.ids, m.ok)),
    inFlight,
    stop: () => {
      timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
