import { decodeUtf8 } from './decodeUtf8.ts';

/** Ids are interned in batches of this many, in two passes each (see {@link ByteIdInterner.intern}). */
const BATCH = 256;

/**
 * Interns customer ids read as bytes (never as strings) into dense customer
 * numbers (0, 1, 2… in order of first appearance), for the CSV reader.
 *
 * Each slot of the open-addressing table is 16 bytes, four int32: a tag (the
 * hash's upper 24 bits and the id's length), the customer number + 1 (0 =
 * empty) and the id's first 8 bytes, so an id of up to 8 bytes is recognised
 * without leaving the slot; longer ids are also compared with a byte pool.
 * A million customers take a 32 MB table, a third of what slots holding the
 * running totals too would take: with 4 KB pages every lookup in a table
 * that size misses the cache and the TLB, so its size is what a lookup costs.
 * Strings are made once per distinct id, at the end. Internal.
 *
 * @example
 * ```ts
 * const interner = new ByteIdInterner();
 * const bytes = Uint8Array.of(97, 98, 97); // 'a', 'b', 'a'
 * const out = new Int32Array(3);
 * interner.intern(bytes, Int32Array.of(0, 1, 2), Int32Array.of(1, 2, 3), 3, out, 0);
 * [[...out], interner.ids()];
 * //=> [[0, 1, 0], ['a', 'b']]
 * ```
 */
export class ByteIdInterner {
  private slots: Int32Array;
  private mask: number;
  /** Full hash of each customer's id, for growing without rereading the bytes. */
  private hashOf = new Int32Array(1 << 12);
  /** Customer c's bytes are pool[offsets[c], offsets[c + 1] - 1), each followed by a newline. */
  private offsets = new Uint32Array((1 << 12) + 1);
  private pool = new Uint8Array(1 << 16);
  private poolLength = 0;
  private newlineInId = false;
  private readonly hashes = new Int32Array(BATCH);
  private readonly k0s = new Int32Array(BATCH);
  private readonly k1s = new Int32Array(BATCH);
  /** Keeps the touching loads from being optimised away. */
  sink = 0;
  /** Number of distinct ids so far. */
  size = 0;

  constructor(capacity = 1 << 16) {
    this.mask = capacity - 1;
    this.slots = new Int32Array(4 * capacity);
  }

  /**
   * Writes the customer number of the id in `bytes[starts[k], ends[k])` to
   * `out[at + k]`, for k < n. Per batch, a first pass hashes the ids and
   * touches their home slots, so that the batch's cache misses overlap; the
   * second pass probes (by then the slots are in cache).
   */
  intern(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, out: Int32Array, at: number): void {
    const hashes = this.hashes;
    const k0s = this.k0s;
    const k1s = this.k1s;
    for (let from = 0; from < n; from += BATCH) {
      const to = Math.min(n, from + BATCH);
      for (let k = from; k < to; k++) {
        const s = starts[k] as number;
        const e = ends[k] as number;
        let h = 0x811c9dc5;
        let k0 = 0;
        let k1 = 0;
        for (let i = s; i < e; i++) {
          const c = bytes[i] as number;
          h = Math.imul(h ^ c, 0x01000193);
          const d = i - s;
          if (d < 4) k0 |= c << (d << 3);
          else if (d < 8) k1 |= c << ((d - 4) << 3);
        }
        // murmur3's finaliser: FNV's low bits barely change between ids such as c0000123 and c0000124.
        h ^= h >>> 16;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
        hashes[k - from] = h;
        k0s[k - from] = k0;
        k1s[k - from] = k1;
      }
      const slots = this.slots;
      const mask = this.mask;
      let sink = 0;
      for (let k = from; k < to; k++) sink += slots[4 * ((hashes[k - from] as number) & mask)] as number;
      this.sink = sink;
      for (let k = from; k < to; k++) {
        const j = k - from;
        out[at + k] = this.find(bytes, starts[k] as number, ends[k] as number, hashes[j] as number, k0s[j] as number, k1s[j] as number);
      }
    }
  }

  private find(bytes: Uint8Array, start: number, end: number, h: number, k0: number, k1: number): number {
    const len = end - start;
    const tag = (h & ~0xff) | Math.min(len, 255);
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const o = 4 * s;
      const c = slots[o + 1] as number;
      if (c === 0) return this.insert(bytes, start, end, h, tag, s, k0, k1);
      if (slots[o] === tag && slots[o + 2] === k0 && slots[o + 3] === k1 && (len <= 8 || this.restEquals(c - 1, bytes, start, len))) return c - 1;
      s = (s + 1) & mask;
    }
  }

  private restEquals(c: number, bytes: Uint8Array, start: number, len: number): boolean {
    const off = this.offsets[c] as number;
    if ((this.offsets[c + 1] as number) - off - 1 !== len) return false;
    for (let k = 8; k < len; k++) if (this.pool[off + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(bytes: Uint8Array, start: number, end: number, h: number, tag: number, slot: number, k0: number, k1: number): number {
    const c = this.size;
    const len = end - start;
    if (c + 2 >= this.offsets.length) {
      const offsets = new Uint32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    if (c >= this.hashOf.length) {
      const hashOf = new Int32Array(this.hashOf.length * 2);
      hashOf.set(this.hashOf);
      this.hashOf = hashOf;
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
    // A newline after each id lets ids() decode the whole pool at once and split it.
    this.pool[off + len] = 10;
    this.poolLength = off + len + 1;
    this.offsets[c] = off;
    this.offsets[c + 1] = this.poolLength;
    this.hashOf[c] = h;
    const o = 4 * slot;
    this.slots[o] = tag;
    this.slots[o + 1] = c + 1;
    this.slots[o + 2] = k0;
    this.slots[o + 3] = k1;
    this.size = c + 1;
    if (2 * this.size > this.mask) this.grow();
    return c;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const slots = new Int32Array(4 * cap);
    const old = this.slots;
    // Walk the old table in slot order: sequential reads, only the writes land at random.
    for (let o = 0; o < old.length; o += 4) {
      const c = old[o + 1] as number;
      if (c === 0) continue;
      let s = (this.hashOf[c - 1] as number) & mask;
      while (slots[4 * s + 1] !== 0) s = (s + 1) & mask;
      const p = 4 * s;
      slots[p] = old[o] as number;
      slots[p + 1] = c;
      slots[p + 2] = old[o + 2] as number;
      slots[p + 3] = old[o + 3] as number;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The distinct ids as strings, by customer number. */
  ids(): string[] {
    const n = this.size;
    if (n === 0) return [];
    if (!this.newlineInId) return decodeUtf8(this.pool, 0, this.poolLength - 1).split('\n');
    return Array.from({ length: n }, (_, c) => decodeUtf8(this.pool, this.offsets[c] as number, (this.offsets[c + 1] as number) - 1));
  }
}
