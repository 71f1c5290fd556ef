/**
 * A short fingerprint of a command and its parameters, stored with its
 * idempotency key so a reused key with other parameters is detected
 * (`idempotency_conflict`). It is a 53-bit hash (cyrb53) of the canonical
 * JSON rather than the JSON itself: every key is kept for good, and a
 * fingerprint of 12 characters instead of a few hundred keeps a store with
 * millions of keys small. A collision (odds about 1 in 2^53 per pair) could
 * only hide a misuse of a key, never change a balance.
 *
 * @example
 * ```ts
 * import { requestFingerprint } from '@memberkit/core';
 * requestFingerprint('redeem', { points: 5 }) === requestFingerprint('redeem', { points: 5 });
 * //=> true
 * ```
 */
export function requestFingerprint(operation: string, params: unknown): string {
  const text = JSON.stringify(params);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${operation}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}
