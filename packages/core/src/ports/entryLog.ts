import { ENTRY_KINDS, entryKindCode, type EntryKind, type LedgerEntry } from '../points/ledgerEntry.ts';
import { MemberkitError } from '../errors/memberkitError.ts';
import { LedgerColumns } from './ledgerColumns.ts';

/**
 * A member's append-only points ledger as the memory store keeps it: a chain
 * of positions in {@link LedgerColumns} (numbers, and references to strings
 * the member's lots and sources already hold), which a store shares among
 * all its members, instead of an object per entry. An entry object, with its
 * id and operation id strings and two boxed timestamps, was five heap
 * objects and about 220 bytes that lived for good; here an entry is a few
 * column slots and no object of its own, so the garbage collector has far
 * less to copy and trace. A log given no columns to share makes its own.
 * The id (`<member>#<seq>`) and operation id (`<member>.op<version>`) are
 * rebuilt from the member, position and commit version; an entry written
 * with other ids is kept whole. Entries come back as objects on read
 * ({@link EntryLog.toArray}, built once and extended as the log grows).
 *
 * @example
 * ```ts
 * import { EntryLog } from '@memberkit/core';
 * const log = new EntryLog('m1');
 * log.push({ id: 'm1#0', memberId: 'm1', seq: 0, kind: 'earn', lotId: 'L1', bucket: 'available', points: 50, at: 0, recordedAt: 0, source: 'action:sign_up', operationId: 'm1.op1' }, 1);
 * [log.length, log.toArray()[0]?.operationId];
 * //=> [1, 'm1.op1']
 * ```
 */
export class EntryLog {
  readonly memberId: string;
  private readonly columns: LedgerColumns;
  /** Positions of the first and last entry in the columns (-1: none yet), and how many there are. */
  private head = -1;
  private tail = -1;
  private count = 0;
  /** Entries whose ids are not the derived ones, by position: kept as they were written. */
  private odd: Map<number, LedgerEntry> | undefined = undefined;
  /** Entries read as objects so far (never compared or serialised with the log: it is private). */
  #read: LedgerEntry[] | undefined = undefined;
  /** Column position of the last entry in `#read`, where the next read continues the chain. */
  #readAt = -1;

  constructor(memberId: string, columns: LedgerColumns = new LedgerColumns()) {
    this.memberId = memberId;
    this.columns = columns;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Appends an entry written by the commit that makes the member's version
   * `version`. Its id and operation id are checked against the derived form;
   * if either differs, the entry is kept whole.
   */
  push(entry: LedgerEntry, version: number): void {
    const seq = this.length;
    if (entry.memberId !== this.memberId || entry.seq !== seq || !isDerived(entry.id, this.memberId, '#', seq) || !isDerived(entry.operationId, this.memberId, '.op', version)) {
      (this.odd ??= new Map()).set(seq, entry);
    }
    this.pushOwn(entry, version);
  }

  /**
   * Appends an entry whose commit version is unknown (a record copied from
   * elsewhere): read from its operation id when that has the derived form.
   */
  pushCopied(entry: LedgerEntry): void {
    const prefix = `${this.memberId}.op`;
    const op = entry.operationId;
    const version = op.startsWith(prefix) ? Number(op.slice(prefix.length)) : -1;
    this.push(entry, Number.isSafeInteger(version) && version >= 0 ? version : -1);
  }

  /** {@link EntryLog.push} for an entry known to carry the derived ids (the engine's draft writes them so). */
  pushOwn(entry: LedgerEntry, version: number): void {
    this.pushParts(entry.points, entry.at, entry.recordedAt, version, entryKindCode(entry.kind, entry.bucket), entry.lotId, entry.source, entry.note);
  }

  /**
   * {@link EntryLog.pushOwn} from an entry's parts, with its kind and bucket as
   * `entryKindCode` gives them: the engine's draft keeps its entries so, and
   * no entry object is built on the way.
   */
  pushParts(points: number, at: number, recordedAt: number, version: number, kindCode: number, lotId: string, source: string, note: string | undefined): void {
    this.append(points, at, recordedAt, version * 16 + kindCode, lotId, source, note);
  }

  /** Appends to the columns and links the new entry to the end of this log's chain. */
  private append(points: number, at: number, recordedAt: number, code: number, lotId: string, source: string, note: string | undefined): void {
    const k = this.columns.append(points, at, recordedAt, code, lotId, source, note);
    if (this.tail < 0) this.head = k;
    else this.columns.link(this.tail, k);
    this.tail = k;
    this.count += 1;
  }

  /** The entry at `seq`, as a new object (found by walking the chain: read a whole log with {@link EntryLog.toArray}). */
  entry(seq: number): LedgerEntry {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.count) {
      throw new MemberkitError('not_found', `no entry ${seq} in the ledger of ${this.memberId} (${this.count} entries)`, { field: 'seq' });
    }
    let at = this.head;
    for (let i = 0; i < seq; i++) at = this.columns.after(at);
    return this.entryAt(seq, at);
  }

  /** The entry at `seq`, found at column position `at`. */
  private entryAt(seq: number, at: number): LedgerEntry {
    const odd = this.odd?.get(seq);
    if (odd !== undefined) return odd;
    const c = this.columns;
    const code = c.number(at, 3);
    const memberId = this.memberId;
    // The same fields in the same order as the draft writes them, so both have one shape.
    return {
      id: `${memberId}#${seq}`,
      memberId,
      seq,
      kind: ENTRY_KINDS[(code % 16) >> 1] as EntryKind,
      lotId: c.ref(at, 0) as string,
      bucket: code % 2 === 1 ? 'available' : 'pending',
      points: c.number(at, 0),
      at: c.number(at, 1),
      recordedAt: c.number(at, 2),
      source: c.ref(at, 1) as string,
      operationId: `${memberId}.op${Math.floor(code / 16)}`,
      note: c.ref(at, 2),
    };
  }

  /**
   * Every entry in order, as objects: built on the first read and extended
   * by later reads as the log grows (the same array, so a read is cheap
   * after the first).
   */
  toArray(): readonly LedgerEntry[] {
    const read = (this.#read ??= []);
    let at = this.#readAt;
    for (let i = read.length; i < this.count; i++) {
      at = i === 0 ? this.head : this.columns.after(at);
      read.push(this.entryAt(i, at));
    }
    this.#readAt = at;
    return read;
  }

  /** A copy that shares nothing mutable with this log, its entries appended to `columns` (its own by default). */
  clone(columns: LedgerColumns = new LedgerColumns()): EntryLog {
    const copy = new EntryLog(this.memberId, columns);
    const c = this.columns;
    for (let i = 0, at = this.head; i < this.count; i++, at = c.after(at)) {
      copy.append(c.number(at, 0), c.number(at, 1), c.number(at, 2), c.number(at, 3), c.ref(at, 0) as string, c.ref(at, 1) as string, c.ref(at, 2));
    }
    if (this.odd !== undefined) copy.odd = new Map(this.odd);
    return copy;
  }
}

/** Whether `s` is `${memberId}${separator}${n}` for a non-negative integer `n`, read in place (no string built per entry). */
function isDerived(s: string, memberId: string, separator: string, n: number): boolean {
  const from = memberId.length + separator.length;
  if (n < 0 || s.length <= from || !s.startsWith(memberId) || !s.startsWith(separator, memberId.length)) return false;
  // No leading zeros: the derived form is the number's shortest decimal text.
  if (s.charCodeAt(from) === 48 && s.length > from + 1) return false;
  let value = 0;
  for (let i = from; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    value = value * 10 + d;
  }
  return value === n;
}
