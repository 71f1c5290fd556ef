import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { requestFingerprint } from './requestFingerprint.ts';

/**
 * Fingerprints of the loyalty engine's commands, read field by field from
 * their validated (typed) parameters instead of walking them as generic
 * objects: a ledger command costs a few microseconds, and the generic
 * canonical-JSON walk (key lists, sorting, key names hashed) was a sixth of it.
 *
 * Each field that is present writes its own tag, then its value in a
 * self-delimiting form (a string as its length then its UTF-16 units, an
 * integer as its sign and four 16-bit pieces, anything else as its JSON text, length
 * first), so the stream is a one-to-one encoding of the parameters: distinct
 * parameters give distinct streams, hashed to 53 bits (cyrb53) as
 * `requestFingerprint` does and written as 11 base-32 digits. A field that is `undefined` writes nothing, as
 * an absent one. The member id and the idempotency key are left out: the key
 * is what the record is found by, and a replay compares the member id itself.
 *
 * @example
 * ```ts
 * import { commandFingerprint } from '@memberkit/core';
 * commandFingerprint.redeem({ points: 5 }) === commandFingerprint.redeem({ points: 5, reason: undefined });
 * //=> true
 * commandFingerprint.redeem({ points: 5 }) === commandFingerprint.redeem({ points: 6 });
 * //=> false
 * ```
 */
export const commandFingerprint = {
  redeem(i: { readonly points: number; readonly orderId?: string | undefined; readonly reason?: string | undefined }): string {
    begin();
    num(1, i.points);
    str(2, i.orderId);
    str(3, i.reason);
    return end('redeem');
  },
  adjust(i: { readonly points: number; readonly reason: string }): string {
    begin();
    num(1, i.points);
    str(2, i.reason);
    return end('adjust');
  },
  action(i: { readonly action: string; readonly ref?: string | undefined }): string {
    begin();
    str(1, i.action);
    str(2, i.ref);
    return end('action');
  },
  override(i: { readonly tierId: string; readonly reason: string; readonly expiresAt: number }): string {
    begin();
    str(1, i.tierId);
    str(2, i.reason);
    num(3, i.expiresAt);
    return end('override');
  },
  /** A validated `order_completed` or `order_refunded` event: its envelope, properties and lines (the schemas strip unknown keys, so these are all there is). */
  orderEvent(operation: string, e: MemberkitEvent<'order_completed'> | MemberkitEvent<'order_refunded'>): string {
    begin();
    str(1, e.id);
    str(2, e.type);
    num(3, e.timestamp);
    str(4, e.anonymousId);
    str(5, e.userId);
    str(6, e.source);
    // Rare on order events and open-ended (traits take any key): their canonical JSON fingerprint.
    if (e.identifiers !== undefined) str(7, requestFingerprint('', e.identifiers));
    if (e.traits !== undefined) str(8, requestFingerprint('', e.traits));
    if (e.context !== undefined) str(9, requestFingerprint('', e.context));
    const p = e.properties as Partial<Record<string, unknown>>;
    str(10, p.orderId as string | undefined);
    str(11, p.refundId as string | undefined);
    str(12, p.currency as string | undefined);
    num(13, p.total as number | undefined);
    num(14, p.subtotal as number | undefined);
    num(15, p.discount as number | undefined);
    num(16, p.shipping as number | undefined);
    num(17, p.tax as number | undefined);
    num(18, p.pointsRedeemed as number | undefined);
    str(19, p.storeId as string | undefined);
    const coupons = p.coupons as readonly string[] | undefined;
    if (coupons !== undefined) {
      field(20, coupons.length);
      for (const c of coupons) str(21, c);
    }
    const lines = p.products as readonly Partial<Record<string, unknown>>[] | undefined;
    if (lines !== undefined) {
      field(22, lines.length);
      for (const l of lines) {
        // Every line opens with its own tag, so fields cannot slide from one line to the next.
        field(23, 0);
        str(24, l.productId as string | undefined);
        str(25, l.sku as string | undefined);
        str(26, l.name as string | undefined);
        str(27, l.category as string | undefined);
        str(28, l.brand as string | undefined);
        num(29, l.price as number | undefined);
        num(30, l.quantity as number | undefined);
        num(31, l.discount as number | undefined);
        num(32, l.amount as number | undefined);
      }
    }
    return end(operation);
  },
} as const;

// The two lanes' multipliers (cyrb53's), shared by mix() and the inlined loop in str().
const LANE1 = 2654435761;
const LANE2 = 1597334677;

// The running hash state: a fingerprint is computed synchronously and never re-entered.
let h1 = 0;
let h2 = 0;

function mix(c: number): void {
  h1 = Math.imul(h1 ^ c, LANE1);
  h2 = Math.imul(h2 ^ c, LANE2);
}

function begin(): void {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}

// Every value goes into the hash in 16-bit pieces, as string characters do: the multiply-xor
// step tells those apart well, but whole 32-bit words can cancel (1, 1 and −1, −1 collide).
function field(tag: number, n: number): void {
  mix(tag);
  mix(n & 0xffff);
  mix(n >>> 16);
}

function str(tag: number, s: string | undefined): void {
  if (s === undefined) return;
  field(tag, s.length);
  // mix() inlined on locals: the running state stays in registers instead of a
  // store and reload of two module variables per character.
  let a = h1;
  let b = h2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, LANE1);
    b = Math.imul(b ^ c, LANE2);
  }
  h1 = a;
  h2 = b;
}

function num(tag: number, n: number | undefined): void {
  if (n === undefined) return;
  if (Number.isSafeInteger(n)) {
    // |n| < 2^53 as three 16-bit pieces and the top 5 bits with the sign.
    const a = Math.abs(n);
    const high = Math.floor(a / 4294967296);
    mix(tag);
    mix(a & 0xffff);
    mix((a >>> 16) & 0xffff);
    mix(high & 0xffff);
    mix((high >>> 16) * 2 + (n < 0 ? 1 : 0));
    return;
  }
  // Not an integer (the schemas allow none here, but a fingerprint must never merge two values): its JSON text under another tag.
  str(tag + 64, JSON.stringify(n) ?? 'null');
}

function end(operation: string): string {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  // `operation:` and the 53 bits as 11 base-32 digits, in one call into one flat string:
  // Number#toString(36) took 1.7 µs (a third of a command's budget), and joining two strings
  // kept a third object per stored fingerprint.
  let buf = buffers.get(operation);
  if (buf === undefined) {
    buf = Array.from(`${operation}:00000000000`, (c) => c.charCodeAt(0));
    buffers.set(operation, buf);
  }
  const d = DIGITS;
  const o = operation.length + 1;
  const hi = b & 0x1fffff;
  buf[o] = d[(hi >>> 16) & 31] as number;
  buf[o + 1] = d[(hi >>> 11) & 31] as number;
  buf[o + 2] = d[(hi >>> 6) & 31] as number;
  buf[o + 3] = d[(hi >>> 1) & 31] as number;
  buf[o + 4] = d[((hi & 1) << 4) | (a >>> 28)] as number;
  buf[o + 5] = d[(a >>> 23) & 31] as number;
  buf[o + 6] = d[(a >>> 18) & 31] as number;
  buf[o + 7] = d[(a >>> 13) & 31] as number;
  buf[o + 8] = d[(a >>> 8) & 31] as number;
  buf[o + 9] = d[(a >>> 3) & 31] as number;
  buf[o + 10] = d[a & 7] as number;
  const text = String.fromCharCode.apply(null, buf);
  recent.text = text;
  recent.operation = operation;
  recent.hash = (b & 0x1fffff) * 4294967296 + (a >>> 0);
  return text;
}

/** The last fingerprint built, its operation and its 53 bits as a number (see {@link recentFingerprint}). */
const recent = { text: '', operation: '', hash: -1 };

/**
 * The operation and 53-bit hash of `fingerprint` if it is the one
 * {@link commandFingerprint} built last (a command stores its key right
 * after building it), else undefined: the memory store keeps a fingerprint
 * as these two and so skips reading them back out of the text. The answer
 * is one object reused by every call; read it at once.
 *
 * @example
 * ```ts
 * import { commandFingerprint } from '@memberkit/core';
 * import { recentFingerprint } from './commandFingerprint.ts';
 * const fp = commandFingerprint.redeem({ points: 5 });
 * recentFingerprint(fp)?.operation;
 * //=> 'redeem'
 * ```
 */
export function recentFingerprint(fingerprint: string): { readonly operation: string; readonly hash: number } | undefined {
  return fingerprint === recent.text && recent.hash >= 0 ? recent : undefined;
}

/** Per operation: the character codes of `operation:` and room for the digits, reused by every call. */
const buffers = new Map<string, number[]>();
const DIGITS = Uint8Array.from('0123456789abcdefghijklmnopqrstuv', (c) => c.charCodeAt(0));
