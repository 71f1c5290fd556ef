import { MemberkitError } from '../errors/memberkitError.ts';
import type { CouponStore } from '../ports/couponStore.ts';
import { requestFingerprint } from '../idempotency/requestFingerprint.ts';

/**
 * Runs a mutating operation at most once per idempotency `key`: the first
 * successful result is recorded and every replay with the same parameters
 * returns it without running again; the same key with other parameters
 * throws `idempotency_conflict`; a replay while the first call still runs
 * throws `conflict` (retry later). A failed run records nothing, so it can
 * be retried with the same key.
 *
 * @example
 * ```ts
 * import { memoryCouponStore, runIdempotent } from '@memberkit/core';
 * const store = memoryCouponStore();
 * let runs = 0;
 * await runIdempotent(store, 'k1', 'op', { n: 1 }, async () => ++runs);
 * await runIdempotent(store, 'k1', 'op', { n: 1 }, async () => ++runs);
 * //=> 1
 * ```
 */
export async function runIdempotent<T>(store: CouponStore, key: string, operation: string, params: unknown, run: () => Promise<T>): Promise<T> {
  const begin = await store.beginRequest(key, requestFingerprint(operation, params));
  if (begin.status === 'done') return begin.result as T;
  if (begin.status === 'conflict') {
    throw new MemberkitError('idempotency_conflict', `idempotency key ${key} was already used with different parameters`, { field: 'key' });
  }
  if (begin.status === 'in_progress') throw new MemberkitError('conflict', `a request with idempotency key ${key} is still running; retry`, { field: 'key' });
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await store.abandonRequest(key);
    throw error;
  }
  await store.completeRequest(key, result);
  return result;
}
