/** Numbers kept per entry: points, at, recordedAt, and a code (operation version × 16 + kind × 2 + bucket). */
const LEDGER_NUMS = 4;
/** References kept per entry: lot id, source, note. */
const LEDGER_REFS = 3;

/**
 * Ledger entries of many members in shared, append-only columns: the numbers
 * in arrays of doubles, the lot id, source and note in arrays of references,
 * and per entry the position of the same member's next entry, so each
 * member's ledger is a chain through the columns (see `EntryLog`). A memory
 * store keeps one for all its members. Per-member arrays cost every member
 * two array objects and their backing stores, allocated young, grown by
 * copying and promoted by the garbage collector; here an entry is a few slots
 * in columns that live in the old generation, and a new member costs nothing.
 * The columns come in fixed-size chunks of plain arrays, each allocated whole:
 * columns that doubled (typed or plain) left garbage their own size in the
 * old generation, which brought a major collection into the bench's mixed
 * workload and made it 25 % slower.
 *
 * @example
 * ```ts
 * import { LedgerColumns } from '@memberkit/core';
 * const columns = new LedgerColumns();
 * const at = columns.append(50, 0, 0, 17, 'L1', 'action:sign_up', undefined);
 * [columns.size, columns.number(at, 0), columns.ref(at, 1)];
 * //=> [1, 50, 'action:sign_up']
 * ```
 */
export class LedgerColumns {
  // Chunks of doubles (unboxed in the array), small integers and references, each allocated
  // whole when the first entry lands in it.
  private readonly bits: number;
  private readonly numChunks: number[][] = [];
  private readonly nextChunks: number[][] = [];
  private readonly refChunks: (string | undefined)[][] = [];
  private count = 0;

  /** `chunkBits`: entries per chunk as a power of two; the default, 4 (16 entries), suits a log on its own, and a store passes 13 (8,192). */
  constructor(chunkBits = 4) {
    this.bits = chunkBits;
  }

  /** Entries held, of every member. */
  get size(): number {
    return this.count;
  }

  /** Appends one entry's parts; returns its position. Its chain link starts empty (-1). */
  append(points: number, at: number, recordedAt: number, code: number, lotId: string, source: string, note: string | undefined): number {
    const k = this.count;
    const o = k & ((1 << this.bits) - 1);
    if (o === 0) this.addChunk();
    const c = k >>> this.bits;
    const nums = this.numChunks[c] as number[];
    nums[o * LEDGER_NUMS] = points;
    nums[o * LEDGER_NUMS + 1] = at;
    nums[o * LEDGER_NUMS + 2] = recordedAt;
    nums[o * LEDGER_NUMS + 3] = code;
    const refs = this.refChunks[c] as (string | undefined)[];
    refs[o * LEDGER_REFS] = lotId;
    refs[o * LEDGER_REFS + 1] = source;
    refs[o * LEDGER_REFS + 2] = note;
    this.count = k + 1;
    return k;
  }

  /** Links entry `to` after entry `from` in a member's chain. */
  link(from: number, to: number): void {
    (this.nextChunks[from >>> this.bits] as number[])[from & ((1 << this.bits) - 1)] = to;
  }

  /** The position of the entry after `at` in its member's chain, or -1. */
  after(at: number): number {
    return (this.nextChunks[at >>> this.bits] as number[])[at & ((1 << this.bits) - 1)] as number;
  }

  /** Number `i` (0 points, 1 at, 2 recordedAt, 3 code) of the entry at `at`. */
  number(at: number, i: number): number {
    return (this.numChunks[at >>> this.bits] as number[])[(at & ((1 << this.bits) - 1)) * LEDGER_NUMS + i] as number;
  }

  /** Reference `i` (0 lot id, 1 source, 2 note) of the entry at `at`. */
  ref(at: number, i: number): string | undefined {
    return (this.refChunks[at >>> this.bits] as (string | undefined)[])[(at & ((1 << this.bits) - 1)) * LEDGER_REFS + i];
  }

  private addChunk(): void {
    const n = 1 << this.bits;
    // Filled with a double and with -1, so each array has its final element kind from the start.
    this.numChunks.push(new Array<number>(n * LEDGER_NUMS).fill(0.5));
    this.nextChunks.push(new Array<number>(n).fill(-1));
    this.refChunks.push(new Array<string | undefined>(n * LEDGER_REFS).fill(undefined));
  }
}
