import type { KeyValueStorage } from '../platform/keyValueStorage.ts';
import type { TimeoutProvider } from '../platform/timeoutManager.ts';

/**
 * Runs `fn` while holding a lock shared by every tab of the origin, or
 * resolves `undefined` at once when another tab holds it (that tab is
 * already flushing the shared queue, so waiting would only delay). This is
 * what keeps two tabs from sending the same event.
 *
 * @example
 * ```ts
 * import type { ExclusiveRunner } from '@memberkit/tracker';
 * const solo: ExclusiveRunner = (fn) => fn();
 * ```
 */
export type ExclusiveRunner = <T>(fn: () => Promise<T>) => Promise<T | undefined>;

/**
 * An {@link ExclusiveRunner} on the Web Locks API: the browser releases the
 * lock by itself when the tab holding it dies.
 *
 * @example
 * ```ts
 * import { webLockRunner } from '@memberkit/tracker';
 * const run = webLockRunner('mk_flush', navigator.locks);
 * await run(async () => 42);
 * //=> 42
 * ```
 */
export function webLockRunner(name: string, locks: LockManager): ExclusiveRunner {
  return (fn) => locks.request(name, { ifAvailable: true }, (lock) => (lock ? fn() : undefined));
}

/**
 * An {@link ExclusiveRunner} for browsers without Web Locks: a lease written
 * in shared storage with an owner and an expiry, renewed while held, so a
 * tab that died mid-flush only blocks the others until the TTL passes. The
 * lease is read back after `settleMs` to lose cleanly to a concurrent writer.
 *
 * @example
 * ```ts
 * import { leaseRunner, memoryStorage, defaultTimeoutProvider } from '@memberkit/tracker';
 * const run = leaseRunner('mk_lease', memoryStorage(), 'tab1', () => Date.now(), defaultTimeoutProvider);
 * await run(async () => 'sent');
 * //=> 'sent'
 * ```
 */
export function leaseRunner(
  name: string,
  kv: KeyValueStorage,
  owner: string,
  now: () => number,
  timers: TimeoutProvider,
  ttlMs = 15_000,
  settleMs = 60,
): ExclusiveRunner {
  const holder = (): { o: string; e: number } | null => {
    try {
      return JSON.parse(kv.get(name) ?? 'null') as { o: string; e: number } | null;
    } catch {
      return null;
    }
  };
  const claim = () => kv.set(name, JSON.stringify({ o: owner, e: now() + ttlMs }));
  return async (fn) => {
    const h = holder();
    if (h && h.o !== owner && h.e > now()) return undefined;
    if (!claim()) return fn(); // storage refuses writes: nothing to coordinate through
    await new Promise<void>((r) => timers.setTimeout(r, settleMs));
    if (holder()?.o !== owner) return undefined;
    let renew: unknown;
    const loop = () => {
      renew = timers.setTimeout(() => (claim(), loop()), ttlMs / 3);
    };
    loop();
    try {
      return await fn();
    } finally {
      timers.clearTimeout(renew);
      if (holder()?.o === owner) kv.remove(name);
    }
  };
}
