/** Values at or above this go the string way, which bounds the dense table at 64 MB. */
const LIMIT = 1 << 24;
/** At most this many digits are read as a number (10^8 > LIMIT already). */
const MAX_DIGITS = 8;

/**
 * A dense index for customer ids that are a fixed prefix and a number —
 * `c0000123`, `100234`, `VIP-0042` — the shape most shop systems hand out.
 * Such an id is its number: looking it up reads the id's characters (which
 * hashing must read anyway) and one slot of an `Int32Array` indexed by the
 * number, with no hash table and no string comparison. With a million
 * customers that array is 4 MB and mostly stays in cache, where a string-keyed
 * table is tens of megabytes and every look-up misses.
 *
 * The shape is learned from the first id, once: an id the caller has interned by
 * its characters must never later be read as a number. The mapping id ↔ number
 * must stay one-to-one, so exactly one of two forms is accepted:
 * zero-padded to the first id's width (`c0000123`), or, when the first id has
 * no leading zero, numbers written without one (`c123`, `c45`). Any other id
 * (another prefix, another width, a number of {@link LIMIT} or more) is
 * `valueOf` −1, always the same for the same id, and the caller interns it
 * by its characters instead. Internal to `computeRfm` over order objects.
 *
 * @example
 * ```ts
 * const index = new DigitIdIndex();
 * index.learn('c0000123');
 * [index.valueOf('c0000007'), index.valueOf('c7'), index.valueOf('x0000007')];
 * //=> [7, -1, -1]
 * ```
 */
export class DigitIdIndex {
  /** Char codes of the prefix; undefined until learned, null when ids have no usable shape. */
  private prefix: Int32Array | null | undefined = undefined;
  /** Zero-padded form: the digit count every id must have; 0 = the no-leading-zero form. */
  private width = 0;
  /** Customer number + 1 by value (0 = not seen). */
  private slots = new Int32Array(1 << 10);

  /** Learns the id shape from `id` if none was learned yet (a no-op afterwards); an id not ending in 1–8 digits means no shape, for good. */
  learn(id: string): void {
    if (this.prefix !== undefined) return;
    let p = id.length;
    while (p > 0 && isDigit(id.charCodeAt(p - 1))) p--;
    const digits = id.length - p;
    if (digits === 0 || digits > MAX_DIGITS) {
      this.prefix = null;
      return;
    }
    const prefix = new Int32Array(p);
    for (let i = 0; i < p; i++) prefix[i] = id.charCodeAt(i);
    this.prefix = prefix;
    this.width = digits > 1 && id.charCodeAt(p) === 48 ? digits : 0;
  }

  /** The number `id` stands for, or −1 when it does not have the learned shape. */
  valueOf(id: string): number {
    const prefix = this.prefix;
    if (prefix === undefined || prefix === null) return -1;
    const p = prefix.length;
    const len = id.length;
    const digits = len - p;
    if (this.width === 0 ? digits < 1 || digits > MAX_DIGITS || (digits > 1 && id.charCodeAt(p) === 48) : digits !== this.width) return -1;
    for (let i = 0; i < p; i++) if (id.charCodeAt(i) !== prefix[i]) return -1;
    let v = 0;
    for (let i = p; i < len; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v < LIMIT ? v : -1;
  }

  /** The customer number stored for `value`, or −1. */
  get(value: number): number {
    return value < this.slots.length ? (this.slots[value] as number) - 1 : -1;
  }

  /** Stores `customer` for `value` (a `valueOf` result ≥ 0). */
  set(value: number, customer: number): void {
    if (value >= this.slots.length) {
      let size = this.slots.length * 2;
      while (size <= value) size *= 2;
      const more = new Int32Array(size);
      more.set(this.slots);
      this.slots = more;
    }
    this.slots[value] = customer + 1;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
