/**
 * A short fingerprint of an operation and its parameters, stored with an
 * idempotency key so that a replay (same key, same request) can be told apart
 * from a different request reusing the key (`idempotency_conflict`).
 *
 * The parameters are first written as canonical JSON (object keys sorted,
 * `undefined` fields left out), so `{ a, b }` and `{ b, a }` are the same
 * request; that text is then hashed to 53 bits (cyrb53). Keys are kept for
 * good, and 12 characters instead of a few hundred keep a store with millions
 * of keys small. A collision (odds about 1 in 2^53 per pair) could only hide a
 * misuse of a key, never change a balance or a coupon.
 *
 * @example
 * ```ts
 * import { requestFingerprint } from '@memberkit/core';
 * requestFingerprint('claim', { b: 1, a: 2, c: undefined }) === requestFingerprint('claim', { a: 2, b: 1 });
 * //=> true
 * requestFingerprint('redeem', { points: 5 }) === requestFingerprint('redeem', { points: 6 });
 * //=> false
 * ```
 */
export function requestFingerprint(operation: string, params: unknown): string {
  const text = canonicalJson(params);
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

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
      });
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
