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
  private slots = new Int32Array(1 << 16);
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
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
    h = (h ^ (h >>> 15)) >>> 0;
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const entry = slots[s] as number;
      if (entry === 0) break;
      const c = entry - 1;
      if (this.hashes[c] === h) {
        const off = this.offsets[c] as number;
        if ((this.offsets[c + 1] as number) - 1 - off === len) {
          const pool = this.pool;
          let k = 0;
          while (k < len && pool[off + k] === bytes[start + k]) k++;
          if (k === len) return c;
        }
      }
      s = (s + 1) & mask;
    }
    return this.add(bytes, start, end, h, s);
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
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
    this.slots[slot] = c + 1;
    this.size = c + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return c;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let c = 0; c < this.size; c++) {
      let s = (this.hashes[c] as number) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = c + 1;
    }
    this.slots = slots;
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
