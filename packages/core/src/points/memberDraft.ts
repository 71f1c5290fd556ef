import { MemberkitError } from '../errors/memberkitError.ts';
import type { DirectChange, IdempotencyRecord, MemberChange, MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import type { MutableMemberRecord } from '../ports/applyMemberChange.ts';
import { appendedItem } from '../ports/appendedItem.ts';
import { lotTransition, nextLotTransition } from '../ports/lotTransition.ts';
import type { GrowthEntry } from '../tiers/growthEntry.ts';
import type { TierState } from '../tiers/tierState.ts';
import { ENTRY_KINDS, entryKindCode, type EntryKind, type LedgerEntry } from './ledgerEntry.ts';
import type { PointsOrderRecord } from './pointsOrderRecord.ts';
import { debtLotId, lotIdAt, lotWithRemainders, type PointsLot } from './pointsLot.ts';
import { SmallMap } from './smallMap.ts';
import { CompactSet } from '../ports/compactSet.ts';
import { NO_ITEMS } from './noItems.ts';

/** A lot copy the draft owns: entries move its remainders in place. */
type DraftLot = { -readonly [K in keyof PointsLot]: PointsLot[K] };

// Shared by every change that has no orders or counters; the change type makes it read-only.
const NONE = NO_ITEMS;

/**
 * A change being computed against one version of a member aggregate. It
 * overlays the record (which it never mutates) with new lots, entries,
 * orders and tier state, so an operation sees its own effects, and turns
 * into one {@link MemberChange} for an atomic commit. Ids are derived from
 * the member and positions, so a recomputation after a version conflict or
 * a simulation produces the same ids.
 *
 * @example
 * ```ts
 * import { MemberDraft, emptyMemberRecord } from '@memberkit/core';
 * const d = new MemberDraft(emptyMemberRecord('m1'), 0);
 * const lot = d.addLot({ origin: 'action', source: 'action:sign_up', earnedAt: 0, activatesAt: null, expiresAt: null, points: 50 });
 * d.append('earn', lot.id, 'available', 50, 0, 'action:sign_up');
 * d.available;
 * //=> 50
 * ```
 */
export class MemberDraft implements DirectChange {
  // Set again by `reuse`: the record, member and time are fixed for one command.
  record: MemberLoyaltyRecord;
  /** The key record to store with the change when it is committed directly (see {@link MemberDraft.writeTo}). */
  idempotency: IdempotencyRecord | undefined = undefined;
  memberId: string;
  now: number;
  // The lists start as one shared empty list and get their own array on the
  // first item (an array literal, sized to it): most commands leave two or three
  // of them empty, and every allocation here is the collector's work.
  /**
   * The new entries as columns: per entry its points, `at` and a code (kind × 2 + 1 if in the
   * available bucket), and its lot id, source and note. An entry object (with its id and
   * operation-id strings, numbers turned into text) is built only when something reads
   * {@link MemberDraft.entries}; the memory store takes the columns as they are.
   */
  private entryNums: number[] | undefined = undefined;
  private entryRefs: (string | undefined)[] | undefined = undefined;
  /** Entries written: the column arrays outlive a command when the draft is reused, so their length is capacity. */
  private entryLen = 0;
  private entryObjects: LedgerEntry[] | undefined = undefined;
  private lotList: PointsLot[] | undefined = undefined;
  private growthList: GrowthEntry[] | undefined = undefined;
  private sourceList: string[] | undefined = undefined;
  available: number;
  pending: number;
  tier: TierState | undefined;
  // Created on first write, and small maps: most commands touch one or two
  // of them, and a command's allocations are most of what the collector has to clear.
  private overlay: SmallMap<PointsLot> | undefined;
  private orders: SmallMap<PointsOrderRecord> | undefined;
  private counters: SmallMap<number> | undefined;
  /** Earliest activation or expiry among lots as they stand in the draft (a lower bound). */
  private dueAt: number;
  /** Entries the record holds: the first new entry's position. */
  private firstSeq: number;

  constructor(record: MemberLoyaltyRecord, now: number) {
    this.record = record;
    this.memberId = record.memberId;
    this.now = now;
    this.available = 0;
    this.pending = 0;
    this.dueAt = 0;
    this.firstSeq = 0;
    this.reuse(record, now);
  }

  /**
   * Starts this draft over on `record` at `now`, as a new draft would, keeping
   * its entry columns and small maps for the next command. The engine reuses
   * one draft for the commands it runs on a store in this process (a store
   * that commits a draft directly keeps what `writeTo` hands over, never the
   * draft): a draft and its lists per command were a good part of what the
   * collector cleared. Anything read from the draft before is invalid after.
   */
  reuse(record: MemberLoyaltyRecord, now: number): this {
    this.record = record;
    this.memberId = record.memberId;
    this.now = now;
    this.available = record.available;
    this.pending = record.pending;
    this.dueAt = record.nextTransitionAt;
    // A store that keeps entries compact says how many it holds without building them.
    this.firstSeq = record.entryCount ?? record.entries.length;
    this.idempotency = undefined;
    this.tier = undefined;
    this.entryLen = 0;
    this.entryObjects = undefined;
    this.lotList = undefined;
    this.growthList = undefined;
    this.sourceList = undefined;
    this.overlay?.clear();
    this.orders?.clear();
    this.counters?.clear();
    return this;
  }

  /** The operation id every entry of this draft carries: `<member>.op<version after commit>`. */
  get operationId(): string {
    return `${this.memberId}.op${this.record.version + 1}`;
  }

  /** How many entries this draft appends. */
  get entryCount(): number {
    return this.entryLen;
  }

  /** Entries this draft appends, in order (built from the columns on first read, extended after). */
  get entries(): readonly LedgerEntry[] {
    const n = this.entryCount;
    if (n === 0) return NONE;
    const out = (this.entryObjects ??= []);
    for (let i = out.length; i < n; i++) out.push(this.entryAt(i));
    return out;
  }

  /** The draft's `i`-th new entry as an object. */
  private entryAt(i: number): LedgerEntry {
    const nums = this.entryNums as number[];
    const refs = this.entryRefs as (string | undefined)[];
    const seq = this.firstSeq + i;
    const code = nums[3 * i + 2] as number;
    return {
      id: `${this.memberId}#${seq}`,
      memberId: this.memberId,
      seq,
      kind: ENTRY_KINDS[code >> 1] as EntryKind,
      lotId: refs[3 * i] as string,
      bucket: (code & 1) === 1 ? 'available' : 'pending',
      points: nums[3 * i] as number,
      at: nums[3 * i + 1] as number,
      recordedAt: this.now,
      source: refs[3 * i + 1] as string,
      operationId: this.operationId,
      note: refs[3 * i + 2],
    };
  }

  /** Lots this draft creates, as new copies with zero remainders (the entries fill them). */
  get newLots(): readonly PointsLot[] {
    const list = this.lotList;
    if (list === undefined) return NONE;
    const out: PointsLot[] = [];
    for (let i = 0; i < list.length; i++) out.push(lotWithRemainders(list[i] as PointsLot, 0, 0));
    return out;
  }

  /** The version this draft was computed from. */
  get expectedVersion(): number {
    return this.record.version;
  }

  /** Growth entries this draft adds. */
  get growth(): readonly GrowthEntry[] {
    return this.growthList ?? NONE;
  }

  /** Sources this draft claims. */
  get sourceKeys(): readonly string[] {
    return this.sourceList ?? NONE;
  }

  addGrowth(entry: GrowthEntry): void {
    if (this.growthList === undefined) this.growthList = [entry];
    else this.growthList.push(entry);
  }

  /**
   * False when no lot can activate or expire at the draft's time, so
   * `settleDue` has nothing to do: the record's next transition is later and
   * no lot the draft wrote to has one due.
   */
  hasDue(): boolean {
    return this.dueAt <= this.now;
  }

  /** A lot as it stands in this draft. */
  lot(id: string): PointsLot | undefined {
    return this.overlay?.get(id) ?? this.record.lots.get(id);
  }

  /**
   * Lots with a pending or non-zero available remainder, in this draft: the
   * record's open lots as the draft left them, then lots the draft created or
   * reopened (a refund giving points back to a spent lot), in the order it
   * first wrote them.
   */
  openLots(): PointsLot[] {
    const out: PointsLot[] = [];
    out.length = this.collectOpenLots(out);
    return out;
  }

  /**
   * {@link MemberDraft.openLots} written into `out` from its start; returns
   * how many (entries of `out` past them are left as they were). Every spend
   * runs this: a caller's reused list, and loops instead of a closure per set.
   */
  collectOpenLots(out: PointsLot[]): number {
    let n = 0;
    const open = this.record.openLots;
    const ids = open instanceof CompactSet ? open.linearItems() : undefined;
    if (ids !== undefined) {
      for (let i = 0; i < open.size; i++) {
        const lot = this.lot(ids[i] as string) as PointsLot;
        if (lot.available !== 0 || lot.pending !== 0) out[n++] = lot;
      }
    } else {
      // A Set, or a compact set past its linear limit.
      for (const id of open) {
        const lot = this.lot(id) as PointsLot;
        if (lot.available !== 0 || lot.pending !== 0) out[n++] = lot;
      }
    }
    const overlay = this.overlay;
    if (overlay !== undefined) {
      for (let i = 0; i < overlay.size; i++) {
        const lot = overlay.valueAt(i);
        if (!open.has(overlay.keyAt(i)) && (lot.available !== 0 || lot.pending !== 0)) out[n++] = lot;
      }
    }
    return n;
  }

  /** Creates a lot with zero remainders; entries fill it. */
  addLot(def: Omit<PointsLot, 'id' | 'memberId' | 'available' | 'pending'>): PointsLot {
    // Built field by field (not spread) so every lot shares one object shape.
    const lot: DraftLot = {
      id: lotIdAt(this.record.lots.size + (this.lotList === undefined ? 0 : this.lotList.length) + 1),
      memberId: this.memberId,
      origin: def.origin,
      source: def.source,
      earnedAt: def.earnedAt,
      activatesAt: def.activatesAt,
      expiresAt: def.expiresAt,
      points: def.points,
      available: 0,
      pending: 0,
    };
    // One object: the overlay's copy, which entries update in place, is the lot itself (a direct
    // commit hands it to the store; `toChange` copies it with zero remainders).
    if (this.lotList === undefined) this.lotList = [lot];
    else this.lotList.push(lot);
    (this.overlay ??= new SmallMap()).set(lot.id, lot);
    return lot;
  }

  /** The member's debt lot, created on first use. */
  debtLot(): PointsLot {
    const id = debtLotId(this.memberId);
    const existing = this.lot(id);
    if (existing !== undefined) return existing;
    const lot: DraftLot = { id, memberId: this.memberId, origin: 'debt', source: 'debt', earnedAt: this.now, activatesAt: null, expiresAt: null, points: 0, available: 0, pending: 0 };
    if (this.lotList === undefined) this.lotList = [lot];
    else this.lotList.push(lot);
    (this.overlay ??= new SmallMap()).set(id, lot);
    return lot;
  }

  /** Appends one entry and applies it to the lot and totals of the draft; returns it as an object (see {@link MemberDraft.write}). */
  append(kind: EntryKind, lotId: string, bucket: 'available' | 'pending', points: number, at: number, source: string, note?: string): LedgerEntry {
    this.write(kind, lotId, bucket, points, at, source, note);
    return this.entryAt(this.entryCount - 1);
  }

  /** {@link MemberDraft.append} without building the entry object: what the operations call. */
  write(kind: EntryKind, lotId: string, bucket: 'available' | 'pending', points: number, at: number, source: string, note?: string): void {
    // A lot in the overlay is the draft's own copy: update it in place. A record lot (never
    // mutated here) gets its copy on the first entry that touches it.
    let next = this.overlay?.get(lotId) as DraftLot | undefined;
    if (next === undefined) {
      const lot = this.record.lots.get(lotId);
      if (lot === undefined) throw new MemberkitError('not_found', `no lot ${lotId}`, { field: 'lotId' });
      next = lotWithRemainders(lot, lot.available, lot.pending);
      (this.overlay ??= new SmallMap()).set(lotId, next);
    }
    // entryEffect, inlined (no object per entry).
    const dAvailable = kind === 'activate' || bucket === 'available' ? points : 0;
    const dPending = kind === 'activate' ? -points : bucket === 'pending' ? points : 0;
    next.available += dAvailable;
    next.pending += dPending;
    if (next.pending > 0 && next.activatesAt !== null && next.activatesAt < this.dueAt) this.dueAt = next.activatesAt;
    if (next.available > 0 && next.expiresAt !== null && next.expiresAt < this.dueAt) this.dueAt = next.expiresAt;
    this.available += dAvailable;
    this.pending += dPending;
    const code = entryKindCode(kind, bucket);
    const nums = this.entryNums;
    if (nums === undefined) {
      this.entryNums = [points, at, code];
      this.entryRefs = [lotId, source, note];
    } else {
      // Written in place: past the end this appends, as push would.
      const refs = this.entryRefs as (string | undefined)[];
      const i = 3 * this.entryLen;
      nums[i] = points;
      nums[i + 1] = at;
      nums[i + 2] = code;
      refs[i] = lotId;
      refs[i + 1] = source;
      refs[i + 2] = note;
    }
    this.entryLen += 1;
  }

  order(orderId: string): PointsOrderRecord | undefined {
    return this.orders?.get(orderId) ?? this.record.orders.get(orderId);
  }

  putOrder(order: PointsOrderRecord): void {
    (this.orders ??= new SmallMap()).set(order.orderId, order);
  }

  counter(key: string): number {
    return (this.record.counters.get(key) ?? 0) + (this.counters?.get(key) ?? 0);
  }

  bump(key: string, by = 1): void {
    const counters = (this.counters ??= new SmallMap());
    counters.set(key, (counters.get(key) ?? 0) + by);
  }

  currentTier(): TierState | null {
    return this.tier ?? this.record.tier;
  }

  hasSource(key: string): boolean {
    return this.record.sourceKeys.has(key) || (this.sourceList !== undefined && this.sourceList.includes(key));
  }

  /** Claims a source key; a second claim, now or ever, is a duplicate. */
  claimSource(key: string): void {
    if (this.hasSource(key)) throw new MemberkitError('duplicate_request', `${key} was already recorded for member ${this.memberId}`, { field: 'source', details: { source: key } });
    if (this.sourceList === undefined) this.sourceList = [key];
    else this.sourceList.push(key);
  }

  /** True when the draft would change nothing. */
  isEmpty(): boolean {
    return (
      this.entryLen === 0 &&
      this.lotList === undefined &&
      (this.orders === undefined || this.orders.size === 0) &&
      this.growthList === undefined &&
      this.tier === undefined &&
      (this.counters === undefined || this.counters.size === 0) &&
      this.sourceList === undefined
    );
  }

  toChange(idempotency?: IdempotencyRecord): MemberChange {
    return {
      memberId: this.memberId,
      expectedVersion: this.record.version,
      lots: this.newLots,
      entries: this.entries,
      orders: this.orders === undefined ? NONE : this.orders.values(),
      growth: this.growth,
      tier: this.tier,
      counters: this.counters === undefined ? NONE : this.counters.entries(),
      sourceKeys: this.sourceKeys,
      idempotency,
    };
  }

  /**
   * Writes this draft into `record` (the store's own copy of the version the
   * draft was computed from), after the store's commit checks: what
   * `applyMemberChange(record, this.toChange(…))` does, without the change
   * object or a second walk over the entries. The lots the draft created are
   * handed over as they are; lots it changed get their new remainders in place.
   */
  writeTo(record: MutableMemberRecord): void {
    const overlay = this.overlay;
    if (overlay !== undefined) {
      // The next transition, kept without scanning every open lot unless a changed lot held the
      // minimum and its own transition moved later (a partial refund of a pending lot keeps it).
      let next = record.nextTransitionAt;
      let recount = false;
      for (let i = 0; i < overlay.size; i++) {
        const lot = overlay.valueAt(i) as DraftLot;
        const stored = record.lots.get(lot.id) as DraftLot | undefined;
        const becomes = lotTransition(lot);
        if (stored === undefined) record.lots.set(lot.id, lot);
        else {
          const was = lotTransition(stored);
          if (was !== Number.POSITIVE_INFINITY && was <= next && becomes > was) recount = true;
          stored.available = lot.available;
          stored.pending = lot.pending;
        }
        if (lot.available !== 0 || lot.pending !== 0) record.openLots.add(lot.id);
        else record.openLots.delete(lot.id);
        if (becomes < next) next = becomes;
      }
      record.nextTransitionAt = recount ? nextLotTransition(record) : next;
    }
    const nums = this.entryNums;
    const version = record.version + 1;
    if (nums !== undefined) {
      const refs = this.entryRefs as (string | undefined)[];
      for (let i = 0; i < 3 * this.entryLen; i += 3) record.log.pushParts(nums[i] as number, nums[i + 1] as number, this.now, version, nums[i + 2] as number, refs[i] as string, refs[i + 1] as string, refs[i + 2]);
    }
    record.available += this.available - this.record.available;
    record.pending += this.pending - this.record.pending;
    const orders = this.orders;
    if (orders !== undefined) {
      for (let i = 0; i < orders.size; i++) {
        const order = orders.valueAt(i);
        record.orders.set(order.orderId, order);
      }
    }
    const growth = this.growthList;
    if (growth !== undefined) for (let i = 0; i < growth.length; i++) record.growth = appendedItem(record.growth, growth[i] as GrowthEntry);
    if (this.tier !== undefined) record.tier = this.tier;
    const counters = this.counters;
    if (counters !== undefined) {
      for (let i = 0; i < counters.size; i++) {
        const key = counters.keyAt(i);
        record.counters.set(key, (record.counters.get(key) ?? 0) + counters.valueAt(i));
      }
    }
    const sources = this.sourceList;
    if (sources !== undefined) for (let i = 0; i < sources.length; i++) record.sourceKeys.add(sources[i] as string);
    record.version += 1;
  }
}
