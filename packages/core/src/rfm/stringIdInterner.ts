import { DigitIdIndex } from './digitIdIndex.ts';

/** Ids are interned in sub-batches of this many, each in four passes (see {@link StringIdInterner.intern}); 64 measured a little faster than 32, 128, 256 or 1024. */
const BATCH = 64;
/** Hash bits kept in the table: a small integer (V8 Smi), so the table stays a packed array of them. */
const TAG = 0x3fffffff;

function hashString(id: string): number {
  let h = 0x811c9dc5;
  const len = id.length;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  // murmur3's finaliser: FNV's low bits barely change between ids such as c0000123 and c0000124.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Interns customer-id strings into dense customer numbers (0, 1, 2… in order
 * of first appearance). Ids of the usual prefix-and-number shape (`c0000123`)
 * are looked up by their number in a {@link DigitIdIndex}; any other id in an
 * open-addressing table: our own hash of the characters picks the slot, the
 * slot's key is compared with `===`.
 *
 * Why batches: with a million customers each lookup misses the cache twice
 * (the string, then its slot), and a lookup loop that waits for each miss in
 * turn spends most of its time idle. A batch is processed in passes: touch
 * every string, hash them (now in cache), touch every home slot, then probe,
 * so that the misses of a batch overlap. The first pass also checks that each id
 * is a non-empty string, which reads the string anyway.
 *
 * Why plain arrays and not typed arrays: the table lives on the JS heap (small
 * integers in a packed array cost 4 bytes, as in an Int32Array). Typed arrays
 * of this size are external memory, and V8 starts a full garbage collection
 * once 64 MB of it has been allocated since the last one; when the caller
 * holds ten million order objects that collection costs over a second. Heap
 * allocations instead count against the old generation's limit, which grows
 * with the heap. Internal to `computeRfm` over order objects.
 *
 * @example
 * ```ts
 * const interner = new StringIdInterner();
 * const out = new Int32Array(4);
 * const bad = interner.intern(['b', 'a', 'b', 'c'], 4, out);
 * [bad, [...out], interner.ids, interner.intern(['a', ''], 2, out)];
 * //=> [-1, [0, 1, 0, 2], ['b', 'a', 'c'], 1]
 * ```
 */
export class StringIdInterner {
  /** Customer number → id. */
  readonly ids: string[] = [];
  /**
   * Three entries per slot: hash tag, customer number + 1 (0 = empty), id.
   * One array, so a probe reads one cache line; the tag (the hash's low 30
   * bits, a small integer) is compared before the string, and gives the home
   * slot again when the table grows.
   */
  private table: (number | string)[];
  private mask: number;
  /** The table's size when first made. */
  private readonly capacity: number;
  /** Ids in the table (the others are in {@link DigitIdIndex}). */
  private stored = 0;
  private readonly hashes = new Int32Array(BATCH);
  /** Each id's number when it has the shape of {@link DigitIdIndex}, else −1. */
  private readonly values = new Int32Array(BATCH);
  private readonly digits = new DigitIdIndex();
  /** Keeps the touching loads from being optimised away. */
  sink = 0;

  /** `expected`: the number of distinct ids to make room for up front (the table grows past it). */
  constructor(expected = 1 << 15) {
    let capacity = 1 << 4;
    while (capacity < 2 * expected) capacity *= 2;
    this.capacity = capacity;
    // Made at the first id that needs it: ids that all have the digit shape never do.
    this.mask = 0;
    this.table = [];
  }

  /** Number of distinct ids so far. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * Writes the customer number of `batch[k]` to `out[at + k]` for k < n. Returns -1, or
   * the first k whose value is not a non-empty string (then later ids are left out).
   * The check lives here, not in the caller's loop, because it has to read the
   * string: here that read is the first, batched pass.
   */
  intern(batch: readonly unknown[], n: number, out: Int32Array, at = 0): number {
    const digits = this.digits;
    for (let from = 0; from < n; from += BATCH) {
      const to = Math.min(n, from + BATCH);
      const hashes = this.hashes;
      const values = this.values;
      for (let k = from; k < to; k++) {
        const id = batch[k];
        if (typeof id !== 'string' || id.length === 0) return k;
      }
      const ids = batch as readonly string[];
      // The first id ever decides the digit shape (ids before it all took the table).
      if (this.ids.length === 0) digits.learn(ids[from] as string);
      let strings = 0;
      for (let k = from; k < to; k++) {
        const id = ids[k] as string;
        const v = digits.valueOf(id);
        values[k - from] = v;
        if (v < 0) {
          hashes[k - from] = hashString(id) & TAG;
          strings++;
        }
      }
      if (strings > 0 && this.mask === 0) {
        this.mask = this.capacity - 1;
        this.table = emptyTable(this.capacity);
      }
      // Touch every slot the batch needs in a loop that does nothing else, so that
      // their cache misses overlap (a loop with more work per id overlaps few).
      const table = this.table;
      const mask = this.mask;
      let sink = 0;
      for (let k = from; k < to; k++) {
        const v = values[k - from] as number;
        sink += v >= 0 ? digits.get(v) : (table[3 * ((hashes[k - from] as number) & mask) + 1] as number);
      }
      this.sink = sink;
      // In order, both kinds together: customer numbers follow first appearance.
      for (let k = from; k < to; k++) {
        const v = values[k - from] as number;
        if (v < 0) out[at + k] = this.find(ids[k] as string, hashes[k - from] as number);
        else {
          const c = digits.get(v);
          out[at + k] = c < 0 ? this.addDigitId(ids[k] as string, v) : c;
        }
      }
    }
    return -1;
  }

  private addDigitId(id: string, value: number): number {
    const c = this.ids.length;
    this.ids.push(id);
    this.digits.set(value, c);
    return c;
  }

  private find(id: string, h: number): number {
    const table = this.table;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const c = table[3 * s + 1] as number;
      if (c === 0) return this.insert(id, h, s);
      // Equal hashes almost always mean the same id; comparing different strings would read another one from memory.
      if (table[3 * s] === h && table[3 * s + 2] === id) return c - 1;
      s = (s + 1) & mask;
    }
  }

  private insert(id: string, h: number, slot: number): number {
    const c = this.ids.length;
    this.ids.push(id);
    const table = this.table;
    table[3 * slot] = h;
    table[3 * slot + 1] = c + 1;
    table[3 * slot + 2] = id;
    this.stored += 1;
    if (2 * this.stored > this.mask) this.grow();
    return c;
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const table = emptyTable(cap);
    for (let o = 0; o <= this.mask; o++) {
      const c = old[3 * o + 1] as number;
      if (c === 0) continue;
      const h = old[3 * o] as number;
      let s = h & mask;
      while (table[3 * s + 1] !== 0) s = (s + 1) & mask;
      table[3 * s] = h;
      table[3 * s + 1] = c;
      table[3 * s + 2] = old[3 * o + 2] as string;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** A table of `capacity` empty slots; filled with 0 so that the array holds tagged values from the start (no elements-kind change when ids go in). */
function emptyTable(capacity: number): (number | string)[] {
  return new Array<number | string>(3 * capacity).fill(0);
}
