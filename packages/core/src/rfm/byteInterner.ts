import { decodeUtf8 } from './decodeUtf8.ts';

/**
 * Interns byte strings (customer ids read straight from CSV bytes) into
 * dense integers 0, 1, 2… without creating a JavaScript string per row: an
 * open-addressing hash table keyed by an FNV-1a hash of the bytes, with the
 * distinct ids kept back to back in one byte pool. Strings are made once, at
 * the end, for the distinct ids only. Internal to the CSV reader.
 *
 * @example
 * ```ts
 * const interner = new ByteInterner();
 * const bytes = Uint8Array.of(97, 98, 97);
 * [interner.intern(bytes, 0, 1), interner.intern(bytes, 1, 2), interner.intern(bytes, 2, 3), interner.ids()];
 * //=> [0, 1, 0, ['a', 'b']]
 * ```
 */
export class ByteInterner {
  // Open addressing, 4 int32 per slot: [index + 1 (0 = empty), byte length, bytes 0-3, bytes 4-7].
  // Keeping the first 8 bytes in the slot settles most lookups with one cache miss;
  // only longer ids compare the rest against the pool.
  private table = new Int32Array(4 << 16);
  private mask = (1 << 16) - 1;
  private hashes = new Uint32Array(1 << 15);
  private offsets = new Uint32Array((1 << 15) + 1);
  private pool = new Uint8Array(1 << 18);
  private poolLength = 0;
  private newlineInId = false;
  /** Number of distinct ids so far. */
  size = 0;

  /** The index of the id held in `bytes[start, end)`, adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
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
    h = (h ^ (h >>> 16)) >>> 0;
    const table = this.table;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const o = s << 2;
      const entry = table[o] as number;
      if (entry === 0) break;
      if (table[o + 1] === len && table[o + 2] === k0 && table[o + 3] === k1) {
        if (len <= 8) return entry - 1;
        const off = this.offsets[entry - 1] as number;
        const pool = this.pool;
        let k = 8;
        while (k < len && pool[off + k] === bytes[start + k]) k++;
        if (k === len) return entry - 1;
      }
      s = (s + 1) & mask;
    }
    return this.add(bytes, start, end, h, s, k0, k1);
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number, k0: number, k1: number): number {
    const c = this.size;
    const len = end - start;
    if (c + 2 >= this.offsets.length) {
      const offsets = new Uint32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
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
    this.hashes[c] = h;
    const o = slot << 2;
    this.table[o] = c + 1;
    this.table[o + 1] = len;
    this.table[o + 2] = k0;
    this.table[o + 3] = k1;
    this.size = c + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return c;
  }

  private rehash(): void {
    const old = this.table;
    const cap = ((this.mask + 1) << 1) >>> 0;
    const table = new Int32Array(cap << 2);
    const mask = cap - 1;
    for (let o = 0; o < old.length; o += 4) {
      const entry = old[o] as number;
      if (entry === 0) continue;
      let s = (this.hashes[entry - 1] as number) & mask;
      while (table[s << 2] !== 0) s = (s + 1) & mask;
      table.set(old.subarray(o, o + 4), s << 2);
    }
    this.table = table;
    this.mask = mask;
  }

  /** The distinct ids as strings, by index. */
  ids(): string[] {
    if (this.size === 0) return [];
    if (!this.newlineInId) {
      const all = decodeUtf8(this.pool, 0, this.poolLength - 1);
      return all.split('\n');
    }
    const out: string[] = [];
    for (let c = 0; c < this.size; c++) out.push(decodeUtf8(this.pool, this.offsets[c] as number, (this.offsets[c + 1] as number) - 1));
    return out;
  }
}
