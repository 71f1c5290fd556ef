/**
 * An append-only map from strings to values for hundreds of thousands of
 * keys: the memory store's members and idempotency keys, where most key
 * look-ups are for keys not there yet. A `Map` answers such a miss by walking a hash chain and comparing
 * the key with stored strings scattered over the heap — cold memory, a
 * seventh of a ledger command in the memory store. Here each slot and its
 * key's 32-bit hash sit side by side in a typed array (open addressing, linear
 * probing, at most half full), so a miss reads one or two adjacent slots and compares
 * hashes; a stored string is compared only when the hashes agree. The typed
 * arrays are outside the JavaScript heap, so the garbage collector never
 * scans them either.
 *
 * @example
 * ```ts
 * import { StringIndex } from './stringIndex.ts';
 * const index = new StringIndex<number>();
 * index.set('k1', 1);
 * index.set('k1', 2);
 * [index.get('k1'), index.get('k2'), index.size, index.indexOf('k1')];
 * //=> [2, undefined, 1, 0]
 * ```
 */
export class StringIndex<V> {
  private readonly keys: string[] = [];
  private readonly values: V[] = [];
  /**
   * Per slot, side by side: position + 1 of its key (0 = empty), then the key's hash. Side by side,
   * a probe's two reads share a cache line: in two arrays they were two misses at 100,000+ keys.
   */
  private table = new Int32Array(4096);
  private mask = 2047;

  get size(): number {
    return this.keys.length;
  }

  /** Every key, in insertion order (a copy). */
  keyList(): string[] {
    return [...this.keys];
  }

  get(key: string): V | undefined {
    const h = this.hashOf(key);
    const i = this.find(key, h);
    return i < 0 ? undefined : this.values[i];
  }

  /** The position of `key` in insertion order (what `set` returned for it), or −1. */
  indexOf(key: string): number {
    return this.find(key, this.hashOf(key));
  }

  /** Sets `key` and returns its position in insertion order (0, 1, …), so callers can keep more per key in arrays of their own. */
  set(key: string, value: V): number {
    const h = this.hashOf(key);
    const i = this.find(key, h);
    if (i >= 0) {
      this.values[i] = value;
      return i;
    }
    const at = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    this.place(h, at);
    if ((at + 1) * 2 > this.mask + 1) this.grow();
    return at;
  }

  // A command looks a key up, misses, and stores it: the same string twice in a row. Its hash is
  // kept for the second call (the string is the same object then, so the comparison is one check).
  private lastKey: string | undefined = undefined;
  private lastHash = 0;

  private hashOf(key: string): number {
    if (key === this.lastKey) return this.lastHash;
    const h = hash(key);
    this.lastKey = key;
    this.lastHash = h;
    return h;
  }

  /** The position of `key`, or −1. */
  private find(key: string, h: number): number {
    const { table, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const p = table[2 * s] as number;
      if (p === 0) return -1;
      if (table[2 * s + 1] === h && this.keys[p - 1] === key) return p - 1;
    }
  }

  private place(h: number, at: number): void {
    const { table, mask } = this;
    let s = h & mask;
    while (table[2 * s] !== 0) s = (s + 1) & mask;
    table[2 * s] = at + 1;
    table[2 * s + 1] = h;
  }

  private grow(): void {
    // Walk the old table slot by slot: a key in old slot s lands in new slot s or s + the old
    // size (or just past it), so the writes go in two forward streams. Walking the keys in
    // insertion order wrote to random slots of a table of megabytes, a cache miss per key.
    const old = this.table;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let s = 0; s < old.length; s += 2) {
      const p = old[s] as number;
      if (p !== 0) this.place(old[s + 1] as number, p - 1);
    }
  }
}

/** FNV-1a with a final avalanche (murmur3's), so the low bits used as a slot are well mixed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
