import { decodeUtf8 } from './decodeUtf8.ts';
import type { RfmCustomerTotals } from './rfmCustomerTotals.ts';

// One 48-byte slot per customer, viewed as int32 and float64 over one buffer:
// int32 [0] index + 1 (0 = empty), [1] byte length, [2] bytes 0-3, [3] bytes 4-7, [4] hash;
// float64 [3] latest order, [4] order count, [5] amount sum.
// Key and running totals share a cache line, so an order costs one memory miss.
const I32 = 12;
const F64 = 6;

/**
 * Interns customer ids read as bytes (never as strings) and accumulates
 * their totals in the same open-addressing slot: the FNV-1a/murmur hash of
 * the id's bytes picks the slot, the first 8 bytes are compared in place,
 * longer ids also against a byte pool. Strings are made once per distinct
 * id, at the end. Internal to {@link readRfmCsv}.
 *
 * @example
 * ```ts
 * const table = new ByteTotalsTable();
 * const b = Uint8Array.of(97, 98, 97);
 * table.add(b, 0, 1, 5, 100); table.add(b, 1, 2, 7, 1); table.add(b, 2, 3, 9, 50);
 * const t = table.finish();
 * [t.customerIds, [...t.frequency], [...t.monetary]];
 * //=> [['a', 'b'], [2, 1], [150, 1]]
 * ```
 */
export class ByteTotalsTable {
  private i32: Int32Array;
  private f64: Float64Array;
  private mask: number;
  /** Slot of each customer, by index (first appearance). */
  private slotOf = new Int32Array(1 << 15);
  private offsets = new Uint32Array((1 << 15) + 1);
  private pool = new Uint8Array(1 << 18);
  private poolLength = 0;
  private newlineInId = false;
  size = 0;

  constructor(capacity = 1 << 16) {
    this.mask = capacity - 1;
    const buffer = new ArrayBuffer(capacity * 48);
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
  }

  /** Records one order of the customer whose id is `bytes[start, end)`. */
  add(bytes: Uint8Array, start: number, end: number, at: number, amount: number): void {
    let h = 0x811c9dc5;
    let k0 = 0;
    let k1 = 0;
    const len = end - start;
    for (let i = 0; i < len; i++) {
      const b = bytes[start + i] as number;
      h = Math.imul(h ^ b, 0x01000193);
      if (i < 4) k0 |= b << (i << 3);
      else if (i < 8) k1 |= b << ((i - 4) << 3);
    }
    // murmur3's finaliser: FNV's low bits barely change between ids such as c0000123 and c0000124.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const i32 = this.i32;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const o = s * I32;
      const entry = i32[o] as number;
      if (entry === 0) {
        this.insert(bytes, start, end, h, s, k0, k1);
        break;
      }
      if (i32[o + 1] === len && i32[o + 2] === k0 && i32[o + 3] === k1 && (len <= 8 || this.restEquals(entry - 1, bytes, start, len))) break;
      s = (s + 1) & mask;
    }
    if (this.i32 !== i32) s = this.slotOf[this.size - 1] as number;
    const f = this.f64;
    const o = s * F64;
    if (at > (f[o + 3] as number)) f[o + 3] = at;
    f[o + 4] = (f[o + 4] as number) + 1;
    f[o + 5] = (f[o + 5] as number) + amount;
  }

  private restEquals(c: number, bytes: Uint8Array, start: number, len: number): boolean {
    const off = this.offsets[c] as number;
    for (let k = 8; k < len; k++) if (this.pool[off + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(bytes: Uint8Array, start: number, end: number, h: number, slot: number, k0: number, k1: number): void {
    const c = this.size;
    const len = end - start;
    if (c + 2 >= this.offsets.length) {
      const offsets = new Uint32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    if (c >= this.slotOf.length) {
      const slotOf = new Int32Array(this.slotOf.length * 2);
      slotOf.set(this.slotOf);
      this.slotOf = slotOf;
    }
    if (this.poolLength + len + 1 > this.pool.length) {
      let cap = this.pool.length * 2;
      while (cap < this.poolLength + len + 1) cap *= 2;
      const pool = new Uint8Array(cap);
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
    const off = this.poolLength;
    for (let i = 0; i < len; i++) {
      const b = bytes[start + i] as number;
      if (b === 10) this.newlineInId = true;
      this.pool[off + i] = b;
    }
    // A newline after each id lets finish() decode the whole pool at once and split it.
    this.pool[off + len] = 10;
    this.poolLength = off + len + 1;
    this.offsets[c] = off;
    this.offsets[c + 1] = this.poolLength;
    const o = slot * I32;
    this.i32[o] = c + 1;
    this.i32[o + 1] = len;
    this.i32[o + 2] = k0;
    this.i32[o + 3] = k1;
    this.i32[o + 4] = h;
    this.f64[slot * F64 + 3] = -Infinity;
    this.slotOf[c] = slot;
    this.size = c + 1;
    if (this.size * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const buffer = new ArrayBuffer(cap * 48);
    const i32 = new Int32Array(buffer);
    const f64 = new Float64Array(buffer);
    for (let c = 0; c < this.size; c++) {
      const from = this.slotOf[c] as number;
      let s = (this.i32[from * I32 + 4] as number) & mask;
      while (i32[s * I32] !== 0) s = (s + 1) & mask;
      i32.set(this.i32.subarray(from * I32, from * I32 + 5), s * I32);
      f64.set(this.f64.subarray(from * F64 + 3, from * F64 + 6), s * F64 + 3);
      this.slotOf[c] = s;
    }
    this.i32 = i32;
    this.f64 = f64;
    this.mask = mask;
  }

  /** The totals in order of first appearance. */
  finish(): RfmCustomerTotals {
    const n = this.size;
    const lastAt = new Float64Array(n);
    const frequency = new Float64Array(n);
    const monetary = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const o = (this.slotOf[c] as number) * F64;
      lastAt[c] = this.f64[o + 3] as number;
      frequency[c] = this.f64[o + 4] as number;
      monetary[c] = this.f64[o + 5] as number;
    }
    let customerIds: string[];
    if (n === 0) customerIds = [];
    else if (!this.newlineInId) customerIds = decodeUtf8(this.pool, 0, this.poolLength - 1).split('\n');
    else customerIds = Array.from({ length: n }, (_, c) => decodeUtf8(this.pool, this.offsets[c] as number, (this.offsets[c + 1] as number) - 1));
    return { kind: 'totals', customerIds, lastAt, frequency, monetary };
  }
}
