/**
 * A string-keyed map for the few keys one command writes (a lot or two, an
 * order, a counter), in insertion order like `Map`. The first entry lives in
 * two fields, a few more in two short arrays searched in order, and only past
 * {@link SmallMap.LINEAR} keys is a `Map` index built. A ledger command
 * creates up to three of these, and a `Map` apiece was a tenth of all the
 * bytes a command allocated — the garbage collector's work.
 *
 * @example
 * ```ts
 * import { SmallMap } from './smallMap.ts';
 * const m = new SmallMap<number>();
 * m.set('a', 1);
 * m.set('b', 2);
 * m.set('a', 3);
 * [m.get('a'), m.size, m.values(), m.keyAt(1)];
 * //=> [3, 2, [3, 2], 'b']
 * ```
 */
export class SmallMap<V> {
  /** Keys searched one by one before an index is built. */
  static readonly LINEAR = 8;
  private k0: string | undefined = undefined;
  private v0: V | undefined = undefined;
  private keys: string[] | undefined = undefined;
  private vals: V[] | undefined = undefined;
  private index: Map<string, number> | undefined = undefined;

  get size(): number {
    return this.k0 === undefined ? 0 : 1 + (this.keys === undefined ? 0 : this.keys.length);
  }

  /** The position of `key` (0 = the first entry), or −1. */
  private find(key: string): number {
    if (this.k0 === undefined) return -1;
    if (this.k0 === key) return 0;
    const keys = this.keys;
    if (keys === undefined) return -1;
    if (this.index !== undefined) return this.index.get(key) ?? -1;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i + 1;
    return -1;
  }

  get(key: string): V | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : i === 0 ? this.v0 : (this.vals as V[])[i - 1];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  set(key: string, value: V): void {
    const i = this.find(key);
    if (i === 0) this.v0 = value;
    else if (i > 0) (this.vals as V[])[i - 1] = value;
    else if (this.k0 === undefined) {
      this.k0 = key;
      this.v0 = value;
    } else if (this.keys === undefined) {
      this.keys = [key];
      this.vals = [value];
    } else {
      this.keys.push(key);
      (this.vals as V[]).push(value);
      if (this.index !== undefined) this.index.set(key, this.keys.length);
      else if (this.keys.length > SmallMap.LINEAR) this.index = new Map(this.keys.map((k, j) => [k, j + 1]));
    }
  }

  /** Empties the map, keeping the object for reuse (see `MemberDraft.reuse`). */
  clear(): void {
    this.k0 = undefined;
    this.v0 = undefined;
    this.keys = undefined;
    this.vals = undefined;
    this.index = undefined;
  }

  /** The key at `i` in insertion order (0 ≤ i < size): an indexed walk needs no closure. */
  keyAt(i: number): string {
    return (i === 0 ? this.k0 : (this.keys as string[])[i - 1]) as string;
  }

  /** The value at `i` in insertion order (0 ≤ i < size). */
  valueAt(i: number): V {
    return (i === 0 ? this.v0 : (this.vals as V[])[i - 1]) as V;
  }

  /** Calls `fn` for every entry in insertion order. */
  forEach(fn: (value: V, key: string) => void): void {
    if (this.k0 === undefined) return;
    fn(this.v0 as V, this.k0);
    const keys = this.keys;
    if (keys === undefined) return;
    const vals = this.vals as V[];
    for (let i = 0; i < keys.length; i++) fn(vals[i] as V, keys[i] as string);
  }

  /** The values in insertion order, as a new array. */
  values(): V[] {
    if (this.k0 === undefined) return [];
    return this.vals === undefined ? [this.v0 as V] : [this.v0 as V, ...this.vals];
  }

  /** The entries in insertion order, as a new array of pairs. */
  entries(): [string, V][] {
    const out: [string, V][] = [];
    this.forEach((v, k) => out.push([k, v]));
    return out;
  }
}
