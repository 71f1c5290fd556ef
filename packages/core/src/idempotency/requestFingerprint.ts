/**
 * A short fingerprint of an operation and its parameters, stored with an
 * idempotency key so that a replay (same key, same request) can be told apart
 * from a different request reusing the key (`idempotency_conflict`).
 *
 * The parameters are read as canonical JSON (object keys sorted, `undefined`
 * fields left out), so `{ a, b }` and `{ b, a }` are the same request; that
 * text is hashed to 53 bits (cyrb53). Keys are kept for good, and 12
 * characters instead of a few hundred keep a store with millions of keys
 * small. A collision (odds about 1 in 2^53 per pair) could only hide a misuse
 * of a key, never change a balance or a coupon.
 *
 * The text is hashed as it is walked, never built: every ledger command
 * fingerprints its input (a whole order event for `recordOrder`), and
 * building the JSON cost more than the rest of the command. The hash is the
 * same as hashing `JSON.stringify` of the canonical form (a property test
 * checks it against that reference).
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
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  walk(params);
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return `${operation}:${(4294967296 * (2097151 & b) + (a >>> 0)).toString(36)}`;
}

// The running hash state. The walk is synchronous and never re-entered, so
// module state is safe and saves passing two numbers through every call.
let h1 = 0;
let h2 = 0;

function mix(c: number): void {
  h1 = Math.imul(h1 ^ c, 2654435761);
  h2 = Math.imul(h2 ^ c, 1597334677);
}

function text(s: string): void {
  for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
}

/**
 * A string as JSON writes it, in one pass: plain characters are hashed as
 * they are read; from the first one JSON would escape (a quote, a backslash,
 * a control character, a surrogate that may be lone), the rest goes through
 * JSON.stringify. Escaping is per character (a surrogate pair stays
 * together, since the cut is at its first half), so the text is the same.
 */
function quoted(s: string): void {
  mix(0x22);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      // JSON.stringify of the rest, without its opening quote (already hashed).
      const rest = JSON.stringify(s.slice(i));
      for (let j = 1; j < rest.length; j++) mix(rest.charCodeAt(j));
      return;
    }
    mix(c);
  }
  mix(0x22);
}

const digits = new Uint8Array(16);

/** A number as JSON writes it; small non-negative integers (ids, points, minor units, epoch ms) without building a string. */
function numberText(n: number): void {
  if (!(Number.isInteger(n) && n >= 0 && n < 1e15)) {
    text(Number.isFinite(n) ? String(n) : 'null');
    return;
  }
  let k = 0;
  do {
    digits[k++] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  while (k > 0) mix(digits[--k] as number);
}

function walk(value: unknown): void {
  switch (typeof value) {
    case 'string':
      quoted(value);
      return;
    case 'number':
      numberText(value);
      return;
    case 'boolean':
      text(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) text('null');
      else if (Array.isArray(value)) walkArray(value);
      else walkObject(value as Record<string, unknown>);
      return;
    default:
      // undefined, functions and symbols are written as null; a bigint throws as JSON.stringify does.
      text(JSON.stringify(value) ?? 'null');
  }
}

function walkArray(list: readonly unknown[]): void {
  mix(0x5b);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) mix(0x2c);
    const v = list[i];
    // A hole writes nothing (as the canonical form always has); an undefined element writes null.
    if (v !== undefined) walk(v);
    else if (i in list) text('null');
  }
  mix(0x5d);
}

function walkObject(object: Record<string, unknown>): void {
  const keys = Object.keys(object);
  // Most inputs arrive with their keys in any order: sort unless already sorted.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  mix(0x7b);
  let first = true;
  for (const k of keys) {
    const v = object[k];
    if (v === undefined) continue;
    if (!first) mix(0x2c);
    first = false;
    quoted(k);
    mix(0x3a);
    walk(v);
  }
  mix(0x7d);
}
