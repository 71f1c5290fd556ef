/** Numbers kept per entry: points, at, recordedAt, and a code (operation version × 16 + kind × 2 + bucket). */
const LEDGER_NUMS = 4;
/** References kept per entry: lot id, source, note. */
const LEDGER_REFS = 3;

// Zero-length starting columns, shared: the first append grows them (so an unused log costs no buffer).
const NO_NUMS = new Float64Array(0);
const NO_NEXT = new Int32Array(0);

/**
 * Ledger entries of many members in shared, append-only columns: the numbers
 * in one `Float64Array`, the lot id, source and note in one array, and per
 * entry the position of the same member's next entry, so each member's
 * ledger is a chain through the columns (see `EntryLog`). A memory store
 * keeps one for all its members. Per-member arrays cost every member two
 * array objects and their backing stores, allocated young, grown by copying
 * and promoted by the garbage collector; here an entry is a few slots in
 * columns that live in the old generation, and a new member costs nothing.
 *
 * @example
 * ```ts
 * import { LedgerColumns } from '@memberkit/core';
 * const columns = new LedgerColumns();
 * const at = columns.append(50, 0, 0, 17, 'm1.L1', 'action:sign_up', undefined);
 * [columns.size, columns.number(at, 0), columns.ref(at, 1)];
 * //=> [1, 50, 'action:sign_up']
 * ```
 */
export class LedgerColumns {
  private nums: Float64Array;
  private next: Int32Array;
  private readonly refs: (string | undefined)[] = [];
  private count = 0;

  /** `capacity`: entries to make room for before the first doubling (none: room is made on the first append). */
  constructor(capacity = 0) {
    this.nums = capacity > 0 ? new Float64Array(capacity * LEDGER_NUMS) : NO_NUMS;
    this.next = capacity > 0 ? new Int32Array(capacity) : NO_NEXT;
  }

  /** Entries held, of every member. */
  get size(): number {
    return this.count;
  }

  /** Appends one entry's parts; returns its position. Its chain link starts empty (-1). */
  append(points: number, at: number, recordedAt: number, code: number, lotId: string, source: string, note: string | undefined): number {
    const k = this.count;
    if (k === this.next.length) this.grow();
    const n = k * LEDGER_NUMS;
    const nums = this.nums;
    nums[n] = points;
    nums[n + 1] = at;
    nums[n + 2] = recordedAt;
    nums[n + 3] = code;
    this.next[k] = -1;
    this.refs.push(lotId, source, note);
    this.count = k + 1;
    return k;
  }

  /** Links entry `to` after entry `from` in a member's chain. */
  link(from: number, to: number): void {
    this.next[from] = to;
  }

  /** The position of the entry after `at` in its member's chain, or -1. */
  after(at: number): number {
    return this.next[at] as number;
  }

  /** Number `i` (0 points, 1 at, 2 recordedAt, 3 code) of the entry at `at`. */
  number(at: number, i: number): number {
    return this.nums[at * LEDGER_NUMS + i] as number;
  }

  /** Reference `i` (0 lot id, 1 source, 2 note) of the entry at `at`. */
  ref(at: number, i: number): string | undefined {
    return this.refs[at * LEDGER_REFS + i];
  }

  // Doubling: the copies are typed arrays (no pointers for the collector to trace), and
  // large ones are allocated straight into the old generation.
  private grow(): void {
    const nums = new Float64Array(this.nums.length * 2 || LEDGER_NUMS * 8);
    nums.set(this.nums);
    this.nums = nums;
    const next = new Int32Array(this.next.length * 2 || 8);
    next.set(this.next);
    this.next = next;
  }
}
