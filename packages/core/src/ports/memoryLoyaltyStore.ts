import { applyMemberChange, type MutableMemberRecord } from './applyMemberChange.ts';
import { StringIndex } from './stringIndex.ts';
import { IdempotencyIndex } from './idempotencyIndex.ts';
import { CompactMap } from './compactMap.ts';
import { CompactSet } from './compactSet.ts';
import { EntryLog } from './entryLog.ts';
import { LedgerColumns } from './ledgerColumns.ts';
import { StoredMemberRecord } from './storedMemberRecord.ts';
import { lotWithRemainders } from '../points/pointsLot.ts';
import { NO_ITEMS } from '../points/noItems.ts';
import type { CommitOutcome, DirectChange, IdempotencyRecord, LoyaltyStore, MemberChange, MemberLoyaltyRecord } from './loyaltyStore.ts';

type Refusal = Exclude<CommitOutcome, { status: 'committed' }>;
const VERSION_CONFLICT: Refusal = Object.freeze({ status: 'version_conflict' });

/**
 * Options for {@link memoryLoyaltyStore}.
 *
 * @example
 * ```ts
 * import { emptyMemberRecord, type MemoryLoyaltyStoreOptions } from '@memberkit/core';
 * const options: MemoryLoyaltyStoreOptions = { seed: [emptyMemberRecord('m1')] };
 * ```
 */
export interface MemoryLoyaltyStoreOptions {
  /** Aggregates to start from (copied, never shared), e.g. for `simulate`. */
  readonly seed?: readonly MemberLoyaltyRecord[];
}

/**
 * A copy of a member aggregate that shares nothing mutable with the original.
 * Its ledger goes into `columns` (a store passes the ones all its members share) or columns of its own.
 *
 * @example
 * ```ts
 * import { cloneMemberRecord, emptyMemberRecord } from '@memberkit/core';
 * const a = emptyMemberRecord('m1');
 * cloneMemberRecord(a) !== a;
 * //=> true
 * ```
 */
export function cloneMemberRecord(r: MemberLoyaltyRecord, columns: LedgerColumns = new LedgerColumns()): MutableMemberRecord {
  let log: EntryLog;
  if (r instanceof StoredMemberRecord) log = r.log.clone(columns);
  else {
    log = new EntryLog(r.memberId, columns);
    for (const entry of r.entries) log.pushCopied(entry);
  }
  const copy = new StoredMemberRecord(r.memberId, log);
  copy.version = r.version;
  // The record's lots are updated in place by later commits (see applyMemberChange): copy them too.
  copy.lots = new CompactMap(Array.from(r.lots, ([id, lot]) => [id, lotWithRemainders(lot, lot.available, lot.pending)] as const));
  copy.openLots = new CompactSet(r.openLots);
  copy.orders = new CompactMap(r.orders);
  copy.growth = [...r.growth];
  copy.tier = r.tier;
  copy.counters = new CompactMap(r.counters);
  copy.sourceKeys = new CompactSet(r.sourceKeys);
  copy.available = r.available;
  copy.pending = r.pending;
  copy.nextTransitionAt = r.nextTransitionAt;
  return copy;
}

/**
 * The in-memory {@link LoyaltyStore}: for tests, simulations, demos and
 * single-process apps. `commit` runs its checks and applies the change in one
 * synchronous step, which in JavaScript's single thread makes it atomic —
 * the same guarantee a SQL store gets from a row lock. It offers `sync`
(see `SyncLoyaltyStore`), which the engine uses to skip promise round trips.
 *
 * @example
 * ```ts
 * import { memoryLoyaltyStore } from '@memberkit/core';
 * const store = memoryLoyaltyStore();
 * (await store.commit({ memberId: 'm1', expectedVersion: 1, lots: [], entries: [], orders: [], growth: [], counters: [], sourceKeys: [] })).status;
 * //=> 'version_conflict'
 * ```
 */
export function memoryLoyaltyStore(options: MemoryLoyaltyStoreOptions = {}): LoyaltyStore {
  const members = new StringIndex<MutableMemberRecord>();
  // Every member's ledger, in columns they share (see LedgerColumns), in chunks of 8,192 entries.
  const ledger = new LedgerColumns(13);
  const emptyRecord = (memberId: string): MutableMemberRecord => new StoredMemberRecord(memberId, new EntryLog(memberId, ledger));
  // Every key ever stored: a miss (the usual case) must stay cheap at hundreds of thousands of keys.
  const keys = new IdempotencyIndex();
  for (const r of options.seed ?? []) members.set(r.memberId, cloneMemberRecord(r, ledger));

  // A command reads its member and its key, then commits: the commit's own look-ups of the same
  // two in maps of 100,000+ entries are served from here. A member, once stored, is never replaced
  // (it is updated in place), so the last one read stays valid; a key found missing stays missing
  // until the next key is stored, which clears `missingKey`.
  let lastId: string | undefined;
  let lastRecord: MutableMemberRecord | undefined;
  let missingKey: string | undefined;
  const getMember = (memberId: string): MutableMemberRecord | undefined => {
    const record = members.get(memberId);
    if (record !== undefined) {
      lastId = memberId;
      lastRecord = record;
    }
    return record;
  };
  const getIdempotency = (key: string): IdempotencyRecord | undefined => {
    const seen = keys.get(key);
    if (seen === undefined) missingKey = key;
    return seen;
  };

  /** The commit checks, in the contract's order: the outcome that refuses the change, or undefined. */
  const refusal = (record: MutableMemberRecord | undefined, expectedVersion: number, key: string | undefined, sources: readonly string[]): Refusal | undefined => {
    if ((record?.version ?? 0) !== expectedVersion) return VERSION_CONFLICT;
    if (key !== undefined && key !== missingKey) {
      const existing = keys.get(key);
      if (existing !== undefined) return { status: 'replay', existing };
    }
    if (record !== undefined) {
      for (let i = 0; i < sources.length; i++) if (record.sourceKeys.has(sources[i] as string)) return { status: 'duplicate_source', source: sources[i] as string };
    }
    return undefined;
  };

  const storeKey = (idempotency: IdempotencyRecord | undefined): void => {
    if (idempotency === undefined) return;
    keys.set(idempotency);
    missingKey = undefined;
  };

  const commitNow = (change: MemberChange): CommitOutcome => {
    const record = change.memberId === lastId ? lastRecord : members.get(change.memberId);
    const refused = refusal(record, change.expectedVersion, change.idempotency?.key, change.sourceKeys);
    if (refused !== undefined) return refused;
    // applyMemberChange checks the entries' lots before it writes anything, so a malformed change throws before the record is stored.
    const target = record ?? emptyRecord(change.memberId);
    applyMemberChange(target, change);
    if (record === undefined) members.set(change.memberId, target);
    storeKey(change.idempotency);
    return { status: 'committed', record: target };
  };

  const commitDirect = (change: DirectChange): Refusal | undefined => {
    const record = change.memberId === lastId ? lastRecord : members.get(change.memberId);
    // A draft computed on this very record claimed its sources against it (see DirectChange.record).
    const refused = refusal(record, change.expectedVersion, change.idempotency?.key, record !== undefined && change.record === record ? NO_ITEMS : change.sourceKeys);
    if (refused !== undefined) return refused;
    const target = record ?? emptyRecord(change.memberId);
    change.writeTo(target);
    if (record === undefined) members.set(change.memberId, target);
    storeKey(change.idempotency);
    return undefined;
  };

  return {
    getMember: (memberId) => Promise.resolve(getMember(memberId)),
    getIdempotency: (key) => Promise.resolve(getIdempotency(key)),
    commit: (change) => Promise.resolve(commitNow(change)),
    memberIds: async function* () {
      yield* members.keyList();
    },
    sync: { getMember, getIdempotency, commit: commitNow, commitDirect },
  };
}
