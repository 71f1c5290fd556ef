import { doubledSlots } from './doubledSlots.ts';
import { NO_ITEMS } from '../points/noItems.ts';

/**
 * A `Set<string>` for the few strings one member's record holds (its open
 * lots, the sources it has written): up to {@link CompactSet.LINEAR} live in
 * one array searched in order, more move to a native `Set`. The set-shaped
 * twin of {@link CompactMap}, for the same reason: the memory store keeps
 * these per member, and an empty native `Set` with its hash table costs more
 * than the few keys it holds. Same `Set` semantics, insertion order and
 * iteration; `JSON.stringify` gives `{}` as for a `Set`.
 *
 * @example
 * ```ts
 * import { CompactSet } from '@memberkit/core';
 * const s = new CompactSet(['a', 'b']);
 * s.add('a').add('c');
 * s.delete('b');
 * [s.has('a'), s.has('b'), s.size, [...s]];
 * //=> [true, false, 2, ['a', 'c']]
 * ```
 */
export class CompactSet implements Set<string> {
  /** Strings searched one by one; more move to a native Set. */
  static readonly LINEAR = 8;
  /** The strings in insertion order; slots past `count` are spare. */
  private items: (string | undefined)[] | undefined = undefined;
  private count = 0;
  private big: Set<string> | undefined = undefined;

  constructor(values?: Iterable<string>) {
    if (values !== undefined) for (const v of values) this.add(v);
  }

  get size(): number {
    return this.big === undefined ? this.count : this.big.size;
  }

  private find(value: string): number {
    const items = this.items;
    const n = this.count;
    for (let i = 0; i < n; i++) if (items![i] === value) return i;
    return -1;
  }

  /**
   * The values in order while the set is below its linear limit (read
   * `size` of them; valid until the set changes), else undefined: a loop
   * over them needs no closure or iterator.
   */
  linearItems(): readonly (string | undefined)[] | undefined {
    return this.big === undefined ? (this.items ?? NO_ITEMS) : undefined;
  }

  has(value: string): boolean {
    return this.big === undefined ? this.find(value) >= 0 : this.big.has(value);
  }

  add(value: string): this {
    if (this.big !== undefined) {
      this.big.add(value);
      return this;
    }
    if (this.find(value) >= 0) return this;
    const n = this.count;
    if (n === CompactSet.LINEAR) {
      const big = new Set<string>();
      this.forEach((v) => big.add(v));
      big.add(value);
      this.big = big;
      this.items = undefined;
      this.count = 0;
      return this;
    }
    let items = this.items;
    if (items === undefined) {
      // Room for four: growing leaves the old array to the collector, after it was promoted.
      this.items = [value, undefined, undefined, undefined];
    } else {
      if (n === items.length) this.items = items = doubledSlots(items, n);
      items[n] = value;
    }
    this.count = n + 1;
    return this;
  }

  delete(value: string): boolean {
    if (this.big !== undefined) return this.big.delete(value);
    const i = this.find(value);
    if (i < 0) return false;
    const items = this.items!;
    const n = this.count;
    for (let j = i; j < n - 1; j++) items[j] = items[j + 1];
    items[n - 1] = undefined;
    this.count = n - 1;
    return true;
  }

  clear(): void {
    this.items = undefined;
    this.count = 0;
    this.big = undefined;
  }

  forEach(fn: (value: string, value2: string, set: Set<string>) => void, thisArg?: unknown): void {
    if (this.big !== undefined) {
      this.big.forEach((v) => fn.call(thisArg, v, v, this));
      return;
    }
    const items = this.items;
    for (let i = 0; i < this.count; i++) fn.call(thisArg, items![i] as string, items![i] as string, this);
  }

  values(): SetIterator<string> {
    if (this.big !== undefined) return this.big.values();
    return (this.items === undefined ? [] : (this.items.slice(0, this.count) as string[]))[Symbol.iterator]();
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  entries(): SetIterator<[string, string]> {
    if (this.big !== undefined) return this.big.entries();
    const out: [string, string][] = [];
    this.forEach((v) => out.push([v, v]));
    return out[Symbol.iterator]();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  get [Symbol.toStringTag](): string {
    return 'CompactSet';
  }

  /** `{}`, as `JSON.stringify` gives for a `Set`. */
  toJSON(): Record<string, never> {
    return {};
  }
}
