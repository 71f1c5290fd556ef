import type { RfmCustomerTotals } from './rfmCustomerTotals.ts';

const BATCH = 256;

function hashString(id: string): number {
  let h = 0x811c9dc5;
  const len = id.length;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Interns customer-id strings and accumulates their totals by open-addressing
 * slot: our own hash of the characters picks the slot, the slot's key is
 * compared with `===`, and the slot number itself indexes the running totals,
 * so an order costs a key check and one totals update: about twice as fast
 * as a `Map<string, number>` plus a totals array on a million customers.
 * Internal to `computeRfm` over order objects.
 *
 * @example
 * ```ts
 * const table = new StringTotalsTable();
 * table.add('b', 5, 100); table.add('a', 7, 1); table.add('b', 9, 50);
 * const t = table.finish();
 * [t.customerIds, [...t.lastAt], [...t.monetary]];
 * //=> [['b', 'a'], [9, 7], [150, 1]]
 * ```
 */
export class StringTotalsTable {
  private keys: (string | undefined)[];
  private f64: Float64Array;
  private mask: number;
  private slotOf = new Int32Array(1 << 15);
  size = 0;

  constructor(capacity = 1 << 16) {
    this.mask = capacity - 1;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.f64 = new Float64Array(3 * capacity);
  }

  // Orders are applied in batches: a first pass hashes the batch's ids and touches their
  // home slots so that the cache and TLB misses overlap, a second pass does the work (see
  // ByteTotalsTable). Order of first appearance is kept.
  private batchIds: string[] = [];
  private batchAt = new Float64Array(BATCH);
  private batchAmount = new Float64Array(BATCH);
  private batchHash = new Int32Array(BATCH);
  private batchSize = 0;
  /** Keeps the touching loads of the first pass from being optimised away. */
  sink = 0;

  /** Records one order of `id` (a non-empty string, checked by the caller). */
  add(id: string, at: number, amount: number): void {
    const k = this.batchSize;
    this.batchIds[k] = id;
    this.batchAt[k] = at;
    this.batchAmount[k] = amount;
    this.batchSize = k + 1;
    if (k + 1 === BATCH) this.flush();
  }

  /** Applies the pending batch. */
  flush(): void {
    const n = this.batchSize;
    const keys = this.keys;
    const f64 = this.f64;
    const mask = this.mask;
    let sink = 0;
    for (let k = 0; k < n; k++) {
      const h = hashString(this.batchIds[k] as string);
      this.batchHash[k] = h;
      const slot = h & mask;
      sink += (f64[3 * slot] as number) + (keys[slot] === undefined ? 0 : 1);
    }
    this.sink = sink;
    for (let k = 0; k < n; k++) this.apply(this.batchIds[k] as string, this.batchHash[k] as number, this.batchAt[k] as number, this.batchAmount[k] as number);
    this.batchSize = 0;
  }

  private apply(id: string, h: number, at: number, amount: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const key = keys[s];
      if (key === id) break;
      if (key === undefined) {
        s = this.insert(id, s);
        break;
      }
      s = (s + 1) & mask;
    }
    const f = this.f64;
    const o = 3 * s;
    if (at > (f[o] as number)) f[o] = at;
    f[o + 1] = (f[o + 1] as number) + 1;
    f[o + 2] = (f[o + 2] as number) + amount;
  }

  /** Adds `id` at empty slot `slot`; returns its slot (which moves if the table grows). */
  private insert(id: string, slot: number): number {
    const c = this.size;
    if (c >= this.slotOf.length) {
      const slotOf = new Int32Array(this.slotOf.length * 2);
      slotOf.set(this.slotOf);
      this.slotOf = slotOf;
    }
    this.keys[slot] = id;
    this.f64[3 * slot] = -Infinity;
    this.slotOf[c] = slot;
    this.size = c + 1;
    if (this.size * 2 > this.mask) this.grow();
    return this.slotOf[c] as number;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const keys = new Array<string | undefined>(cap).fill(undefined);
    const f64 = new Float64Array(3 * cap);
    const oldKeys = this.keys;
    const old64 = this.f64;
    // Customer index of each old slot, so the old table can be walked in slot order.
    const owner = new Int32Array(this.mask + 1).fill(-1);
    for (let c = 0; c < this.size; c++) owner[this.slotOf[c] as number] = c;
    for (let from = 0; from <= this.mask; from++) {
      const c = owner[from] as number;
      if (c < 0) continue;
      const id = oldKeys[from] as string;
      let s = hashString(id) & mask;
      while (keys[s] !== undefined) s = (s + 1) & mask;
      keys[s] = id;
      f64[3 * s] = old64[3 * from] as number;
      f64[3 * s + 1] = old64[3 * from + 1] as number;
      f64[3 * s + 2] = old64[3 * from + 2] as number;
      this.slotOf[c] = s;
    }
    this.keys = keys;
    this.f64 = f64;
    this.mask = mask;
  }

  /** The totals in order of first appearance. */
  finish(): RfmCustomerTotals {
    this.flush();
    const n = this.size;
    const customerIds = new Array<string>(n);
    const lastAt = new Float64Array(n);
    const frequency = new Float64Array(n);
    const monetary = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const s = this.slotOf[c] as number;
      customerIds[c] = this.keys[s] as string;
      lastAt[c] = this.f64[3 * s] as number;
      frequency[c] = this.f64[3 * s + 1] as number;
      monetary[c] = this.f64[3 * s + 2] as number;
    }
    return { kind: 'totals', customerIds, lastAt, frequency, monetary };
  }
}
