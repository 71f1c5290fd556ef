/** Ids are interned in sub-batches of this many, each in four passes (see {@link StringIdInterner.intern}); 64 measured a little faster than 32, 128, 256 or 1024. */
const BATCH = 64;

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
 * so that the misses of a pass overlap. The first pass also checks that each id
 * is a non-empty string, which reads the string anyway. Internal to `computeRfm` over order
 * objects.
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
  /** Per slot: [hash, customer number + 1] (0 = empty), so a probe compares hashes before it reads a string. */
  private slots: Int32Array;
  private hashOf = new Int32Array(1 << 12);
  private mask: number;
  private readonly hashes = new Int32Array(BATCH);
  /** Keeps the touching loads from being optimised away. */
  sink = 0;

  constructor(capacity = 1 << 16) {
    this.mask = capacity - 1;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.slots = new Int32Array(2 * capacity);
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
      for (let k = from; k < to; k++) hashes[k - from] = hashString(ids[k] as string);
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
    if (c >= this.hashOf.length) {
      const hashOf = new Int32Array(this.hashOf.length * 2);
      hashOf.set(this.hashOf);
      this.hashOf = hashOf;
    }
    this.hashOf[c] = h;
    this.keys[slot] = id;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = c + 1;
    if (2 * (c + 1) > this.mask) this.grow();
    return c;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const keys = new Array<string | undefined>(cap).fill(undefined);
    const slots = new Int32Array(2 * cap);
    const n = this.ids.length;
    for (let c = 0; c < n; c++) {
      const h = this.hashOf[c] as number;
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      keys[s] = this.ids[c] as string;
      slots[2 * s] = h;
      slots[2 * s + 1] = c + 1;
    }
    this.keys = keys;
    this.slots = slots;
    this.mask = mask;
  }
}
