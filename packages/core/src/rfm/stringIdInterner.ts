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
 * of first appearance) with an open-addressing table: our own hash of the
 * characters picks the slot, the slot's key is compared with `===`.
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
  private keys: (string | undefined)[];
  /**
   * Per slot: [hash tag, customer number + 1] (0 = empty), so a probe compares
   * hashes before it reads a string. The tag is the hash's low 30 bits, a small
   * integer, which also gives the home slot when the table grows.
   */
  private slots: number[];
  private mask: number;
  private readonly hashes = new Int32Array(BATCH);
  /** Keeps the touching loads from being optimised away. */
  sink = 0;

  /** `expected`: the number of distinct ids to make room for up front (the table grows past it). */
  constructor(expected = 1 << 15) {
    let capacity = 1 << 4;
    while (capacity < 2 * expected) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.slots = new Array<number>(2 * capacity).fill(0);
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
    for (let from = 0; from < n; from += BATCH) {
      const to = Math.min(n, from + BATCH);
      const hashes = this.hashes;
      for (let k = from; k < to; k++) {
        const id = batch[k];
        if (typeof id !== 'string' || id.length === 0) return k;
      }
      const ids = batch as readonly string[];
      for (let k = from; k < to; k++) hashes[k - from] = hashString(ids[k] as string) & TAG;
      const keys = this.keys;
      const slots = this.slots;
      const mask = this.mask;
      let sink = 0;
      for (let k = from; k < to; k++) {
        const s = (hashes[k - from] as number) & mask;
        sink += (slots[2 * s] as number) + (keys[s] === undefined ? 1 : 0);
      }
      this.sink = sink;
      for (let k = from; k < to; k++) out[at + k] = this.find(ids[k] as string, hashes[k - from] as number);
    }
    return -1;
  }

  private find(id: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const c = slots[2 * s + 1] as number;
      if (c === 0) return this.insert(id, h, s);
      // Equal hashes almost always mean the same id; comparing different strings would read another one from memory.
      if (slots[2 * s] === h && this.keys[s] === id) return c - 1;
      s = (s + 1) & mask;
    }
  }

  private insert(id: string, h: number, slot: number): number {
    const c = this.ids.length;
    this.ids.push(id);
    this.keys[slot] = id;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = c + 1;
    if (2 * (c + 1) > this.mask) this.grow();
    return c;
  }

  private grow(): void {
    const old = this.slots;
    const oldKeys = this.keys;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const keys = new Array<string | undefined>(cap).fill(undefined);
    const slots = new Array<number>(2 * cap).fill(0);
    for (let o = 0; o <= this.mask; o++) {
      const c = old[2 * o + 1] as number;
      if (c === 0) continue;
      const h = old[2 * o] as number;
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      keys[s] = oldKeys[o];
      slots[2 * s] = h;
      slots[2 * s + 1] = c;
    }
    this.keys = keys;
    this.slots = slots;
    this.mask = mask;
  }
}
