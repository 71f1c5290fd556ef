import { doubledSlots } from './doubledSlots.ts';

/**
 * A `Map<string, V>` for the few keys one member's record holds (its lots,
 * orders and cap counters): up to {@link CompactMap.LINEAR} entries live in
 * one array of keys and values side by side, searched in order; past that
 * the entries move to a native `Map`. The memory store keeps five such
 * collections per member for hundreds of thousands of members, and an
 * empty native `Map` or `Set` with its hash table is about 190 bytes before
 * the first entry — a seventh of everything the store kept per member, all
 * of it traced by every garbage collection. Insertion order, `Map` method
 * semantics and iteration are the same (it implements the whole interface);
 * `JSON.stringify` gives `{}` as for a `Map`.
 *
 * @example
 * ```ts
 * import { CompactMap } from '@memberkit/core';
 * const m = new CompactMap<number>();
 * m.set('a', 1).set('b', 2).set('a', 3);
 * m.delete('b');
 * [m.get('a'), m.has('b'), m.size, [...m]];
 * //=> [3, false, 1, [['a', 3]]]
 * ```
 */
export class CompactMap<V> implements Map<string, V> {
  /** Entries searched one by one; more move to a native Map. */
  static readonly LINEAR = 8;
  /** Keys at even positions, each key's value after it; slots past `2 * count` are spare. */
  private items: unknown[] | undefined = undefined;
  private count = 0;
  private big: Map<string, V> | undefined = undefined;

  constructor(entries?: Iterable<readonly [string, V]>) {
    if (entries !== undefined) for (const [k, v] of entries) this.set(k, v);
  }

  get size(): number {
    return this.big === undefined ? this.count : this.big.size;
  }

  /** The slot of `key`'s key, or −1. */
  private find(key: string): number {
    const items = this.items;
    const end = 2 * this.count;
    for (let i = 0; i < end; i += 2) if (items![i] === key) return i;
    return -1;
  }

  get(key: string): V | undefined {
    if (this.big !== undefined) return this.big.get(key);
    const i = this.find(key);
    return i < 0 ? undefined : (this.items![i + 1] as V);
  }

  has(key: string): boolean {
    return this.big === undefined ? this.find(key) >= 0 : this.big.has(key);
  }

  set(key: string, value: V): this {
    if (this.big !== undefined) {
      this.big.set(key, value);
      return this;
    }
    const i = this.find(key);
    if (i >= 0) {
      this.items![i + 1] = value;
      return this;
    }
    const n = this.count;
    if (n === CompactMap.LINEAR) {
      const big = new Map<string, V>();
      this.forEach((v, k) => big.set(k, v));
      big.set(key, value);
      this.big = big;
      this.items = undefined;
      this.count = 0;
      return this;
    }
    let items = this.items;
    if (items === undefined) {
      // Room for two entries: growing leaves the old array to the collector, after it was promoted.
      this.items = [key, value, undefined, undefined];
    } else {
      if (2 * n === items.length) this.items = items = doubledSlots(items, 2 * n);
      items[2 * n] = key;
      items[2 * n + 1] = value;
    }
    this.count = n + 1;
    return this;
  }

  delete(key: string): boolean {
    if (this.big !== undefined) return this.big.delete(key);
    const i = this.find(key);
    if (i < 0) return false;
    const items = this.items!;
    const end = 2 * this.count;
    for (let j = i; j < end - 2; j++) items[j] = items[j + 2];
    items[end - 2] = undefined;
    items[end - 1] = undefined;
    this.count -= 1;
    return true;
  }

  clear(): void {
    this.items = undefined;
    this.count = 0;
    this.big = undefined;
  }

  forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    if (this.big !== undefined) {
      this.big.forEach((v, k) => fn.call(thisArg, v, k, this));
      return;
    }
    const items = this.items;
    // Entries set during the walk are visited too, as Map does.
    for (let i = 0; i < 2 * this.count; i += 2) fn.call(thisArg, items![i + 1] as V, items![i] as string, this);
  }

  entries(): MapIterator<[string, V]> {
    if (this.big !== undefined) return this.big.entries();
    const out: [string, V][] = [];
    this.forEach((v, k) => out.push([k, v]));
    return out[Symbol.iterator]();
  }

  keys(): MapIterator<string> {
    if (this.big !== undefined) return this.big.keys();
    const out: string[] = [];
    this.forEach((_, k) => out.push(k));
    return out[Symbol.iterator]();
  }

  values(): MapIterator<V> {
    if (this.big !== undefined) return this.big.values();
    const out: V[] = [];
    this.forEach((v) => out.push(v));
    return out[Symbol.iterator]();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'CompactMap';
  }

  /** `{}`, as `JSON.stringify` gives for a `Map`. */
  toJSON(): Record<string, never> {
    return {};
  }
}
